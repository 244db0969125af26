package app.partnersync.sync;

import app.partnersync.common.ProblemException;
import app.partnersync.common.SecretInAnswer;
import app.partnersync.identity.Caller;
import app.partnersync.identity.IntegrationGrant;
import app.partnersync.identity.IntegrationScope;
import app.partnersync.identity.Scopes;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

/**
 * The live stream: {@code GET /v1/events}, Server-Sent Events telling the client to pull; and the stream tickets
 * ({@code POST /v1/events/tickets}) with which a browser's EventSource opens it.
 */
@Path("/v1/events")
@Authenticated
public class EventsResource {

    private final LiveEvents live;
    private final SyncService sync;
    private final StreamTickets tickets;
    private final Caller caller;

    public EventsResource(LiveEvents live, SyncService sync, StreamTickets tickets, Caller caller) {
        this.live = live;
        this.sync = sync;
        this.tickets = tickets;
        this.caller = caller;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @IntegrationScope(Scopes.EVENTS_READ)
    public void streamEvents(
            @Context SseEventSink sink,
            @Context Sse sse,
            @HeaderParam("Last-Event-ID") String lastEventIdHeader,
            @QueryParam("lastEventId") String lastEventIdParameter,
            @QueryParam(StreamTicketMechanism.PARAMETER) String ticket,
            @HeaderParam("Authorization") String authorization) {
        if (ticket != null && authorization != null) {
            // Which one should count is a guess either way; the ticket is left unspent for a corrected request.
            throw ProblemException.invalidField(
                    StreamTicketMechanism.PARAMETER, "send either a ticket or an Authorization header, not both");
        }
        // EventSource's own reconnect sends the header with a newer id than the one in the URL it was opened with.
        String lastEventId = lastEventIdHeader != null ? lastEventIdHeader : lastEventIdParameter;
        LiveStream stream = new LiveStream(
                caller.accountId(),
                caller.integration().isPresent() ? null : caller.sessionId(),
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

    @POST
    @Path("/tickets")
    @Produces(MediaType.APPLICATION_JSON)
    @SecretInAnswer
    public Response createStreamTicket() {
        StreamTicket ticket = tickets.issue(caller.accountId(), caller.sessionId(), caller.expiresAt());
        // A secret: no cache, proxy or browser may keep the answer.
        return Response.status(Response.Status.CREATED)
                .header("Cache-Control", "no-store")
                .entity(ticket)
                .build();
    }
}
