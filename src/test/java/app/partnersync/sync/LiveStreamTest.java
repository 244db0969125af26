package app.partnersync.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.jboss.resteasy.reactive.server.jaxrs.SseImpl;
import org.junit.jupiter.api.Test;

/** A stalled client costs constant memory: one event in flight, one waiting, however much changes meanwhile. */
class LiveStreamTest {

    /** A client that accepts nothing until the test lets a send complete. */
    private static final class StalledSink implements SseEventSink {
        final List<OutboundSseEvent> sent = new ArrayList<>();
        final List<CompletableFuture<Void>> pending = new ArrayList<>();
        boolean closed;

        @Override
        public boolean isClosed() {
            return closed;
        }

        @Override
        public synchronized CompletionStage<?> send(OutboundSseEvent event) {
            sent.add(event);
            CompletableFuture<Void> done = new CompletableFuture<>();
            pending.add(done);
            return done;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    @Test
    void changesWhileTheClientIsStalledCollapseIntoOne() {
        StalledSink sink = new StalledSink();
        LiveStream stream = new LiveStream(UUID.randomUUID(), Instant.now().plusSeconds(900), sink, SseImpl.INSTANCE);

        for (int i = 0; i < 10_000; i++) {
            stream.change("1-" + i, "cursor-" + i);
            stream.heartbeat();
        }
        assertEquals(1, sink.sent.size(), "only the first event went out; the client has not taken it");

        sink.pending.get(0).complete(null);
        assertEquals(2, sink.sent.size());
        assertEquals("1-9999", sink.sent.get(1).getId(), "the one that waited is the newest change");

        sink.pending.get(1).complete(null);
        assertEquals(2, sink.sent.size(), "nothing else was queued");
    }

    @Test
    void aFailedSendClosesTheStream() {
        StalledSink sink = new StalledSink();
        LiveStream stream = new LiveStream(UUID.randomUUID(), Instant.now().plusSeconds(900), sink, SseImpl.INSTANCE);

        stream.change("1-1", "c");
        sink.pending.get(0).completeExceptionally(new java.io.IOException("connection reset"));

        assertTrue(stream.isClosed());
        assertTrue(!stream.heartbeat(), "a closed stream is dropped at the next heartbeat");
    }
}
