package app.partnersync.sync;

import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Instant;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * One connected SSE client. At most one event is in flight and at most one waits behind it (a newer "something
 * changed" replaces an older one: nothing is lost, since the client pulls the feed), so a stalled client costs a
 * constant amount of memory however much changes.
 */
final class LiveStream {

    private static final Logger LOG = Logger.getLogger(LiveStream.class);

    private final UUID accountId;
    /** The member's session (null for an integration token): the stream ends with it. */
    private final UUID sessionId;

    private final Instant expiresAt;
    /** For an integration token: it hears only reminders, only of this partnership when not null. */
    private final boolean integration;

    private final UUID onlyPartnership;
    private final SseEventSink sink;
    private final Sse sse;
    /** The newest "something changed" waiting behind the event in flight: newer ones replace it. */
    private OutboundSseEvent waiting;

    /** Events that must each arrive (reminders), waiting behind the one in flight; bounded, oldest dropped. */
    private final java.util.ArrayDeque<OutboundSseEvent> queued = new java.util.ArrayDeque<>();

    private static final int MAX_QUEUED = 16;
    private boolean sending;
    private boolean closed;

    LiveStream(UUID accountId, Instant expiresAt, SseEventSink sink, Sse sse) {
        this(accountId, expiresAt, false, null, sink, sse);
    }

    LiveStream(
            UUID accountId, Instant expiresAt, boolean integration, UUID onlyPartnership, SseEventSink sink, Sse sse) {
        this(accountId, null, expiresAt, integration, onlyPartnership, sink, sse);
    }

    LiveStream(
            UUID accountId,
            UUID sessionId,
            Instant expiresAt,
            boolean integration,
            UUID onlyPartnership,
            SseEventSink sink,
            Sse sse) {
        this.accountId = accountId;
        this.sessionId = sessionId;
        this.expiresAt = expiresAt;
        this.integration = integration;
        this.onlyPartnership = onlyPartnership;
        this.sink = sink;
        this.sse = sse;
    }

    UUID accountId() {
        return accountId;
    }

    UUID sessionId() {
        return sessionId;
    }

    Instant expiresAt() {
        return expiresAt;
    }

    /** Something visible to the account changed; pull from {@code cursor} (null: from your own cursor). */
    void change(String id, String cursor) {
        if (integration) {
            // Integrations cannot pull the sync feed; a change event would only tell them when someone was active.
            return;
        }
        OutboundSseEvent.Builder event =
                sse.newEventBuilder().name("change").data(cursor == null ? "{}" : "{\"cursor\":\"" + cursor + "\"}");
        if (id != null) {
            event.id(id);
        }
        offer(event.build(), true);
    }

    /**
     * A named event that must not be collapsed into a later one (a reminder): it queues behind the event in flight,
     * at most {@link #MAX_QUEUED} of them, so even a stalled client costs bounded memory.
     */
    void event(String name, String data) {
        event(null, name, data);
    }

    /** A reminder of {@code partnershipId}; a token limited to another partnership does not hear it. */
    void event(UUID partnershipId, String name, String data) {
        if (integration
                && (!name.endsWith(".reminder")
                        || (onlyPartnership != null && !onlyPartnership.equals(partnershipId)))) {
            // An integration's stream carries reminders only, and of its one partnership when it is limited to one.
            return;
        }
        OutboundSseEvent event = sse.newEventBuilder().name(name).data(data).build();
        synchronized (this) {
            if (closed || sink.isClosed()) {
                closed = true;
                return;
            }
            if (sending) {
                if (queued.size() == MAX_QUEUED) {
                    queued.removeFirst();
                }
                queued.addLast(event);
                return;
            }
            sending = true;
        }
        send(event);
    }

    /** A comment keeps proxies from closing an idle stream; false once the client is gone. */
    boolean heartbeat() {
        offer(sse.newEventBuilder().comment("heartbeat").build(), false);
        return !isClosed();
    }

    /** Just before the access token expires: tell the client to reconnect with a fresh one, then close. */
    void reauthenticate(Runnable afterwards) {
        synchronized (this) {
            if (closed) {
                afterwards.run();
                return;
            }
        }
        sink.send(sse.newEventBuilder()
                        .name("reauthenticate")
                        .data("{\"reason\":\"token-expiring\"}")
                        .build())
                .whenComplete((ok, failure) -> {
                    close();
                    afterwards.run();
                });
    }

    void comment(String text) {
        offer(sse.newEventBuilder().comment(text).build(), false);
    }

    synchronized boolean isClosed() {
        return closed || sink.isClosed();
    }

    void close() {
        synchronized (this) {
            closed = true;
            waiting = null;
            queued.clear();
        }
        try {
            sink.close();
        } catch (RuntimeException e) {
            LOG.debugf("closing a live stream: %s", e.getMessage());
        }
    }

    /** Sends now, or keeps the event as the one waiting (only changes wait; a heartbeat behind a send is pointless). */
    private void offer(OutboundSseEvent event, boolean keepIfBusy) {
        synchronized (this) {
            if (closed || sink.isClosed()) {
                closed = true;
                return;
            }
            if (sending) {
                if (keepIfBusy) {
                    waiting = event;
                }
                return;
            }
            sending = true;
        }
        send(event);
    }

    private void send(OutboundSseEvent event) {
        sink.send(event).whenComplete((ok, failure) -> {
            OutboundSseEvent next;
            synchronized (this) {
                if (failure != null) {
                    closed = true;
                    waiting = null;
                    queued.clear();
                }
                next = queued.isEmpty() ? waiting : queued.removeFirst();
                if (next == waiting) {
                    waiting = null;
                }
                sending = next != null;
            }
            if (next != null) {
                send(next);
            }
        });
    }
}
