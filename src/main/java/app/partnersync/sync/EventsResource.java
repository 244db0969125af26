package app.partnersync.sync;

import app.partnersync.identity.Caller;
import app.partnersync.identity.IntegrationGrant;
import app.partnersync.identity.IntegrationScope;
import app.partnersync.identity.Scopes;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

/** The live stream: {@code GET /v1/events}, Server-Sent Events telling the client to pull. */
@Path("/v1/events")
@Authenticated
public class EventsResource {

    private final LiveEvents live;
    private final SyncService sync;
    private final Caller caller;

    public EventsResource(LiveEvents live, SyncService sync, Caller caller) {
        this.live = live;
        this.sync = sync;
        this.caller = caller;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @IntegrationScope(Scopes.EVENTS_READ)
    public void streamEvents(
            @Context SseEventSink sink, @Context Sse sse, @HeaderParam("Last-Event-ID") String lastEventId) {
        LiveStream stream = new LiveStream(
                caller.accountId(),
                caller.expiresAt(),
                caller.integration().isPresent(),
                caller.integration().map(IntegrationGrant::partnershipId).orElse(null),
                sink,
                sse);
        stream.comment("connected");
        live.subscribe(stream);
        sync.missedSince(caller.accountId(), lastEventId)
                .ifPresent(cursor -> stream.change(null, cursor.isEmpty() ? null : cursor));
    }
}
