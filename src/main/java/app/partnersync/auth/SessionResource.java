package app.partnersync.auth;

import app.partnersync.common.Page;
import app.partnersync.common.PageRequest;
import app.partnersync.common.ProblemException;
import app.partnersync.identity.Caller;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;

/** The caller's signed-in devices: {@code /v1/me/sessions}. */
@Path("/v1/me/sessions")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {

    private final SessionService sessions;
    private final Caller caller;

    public SessionResource(SessionService sessions, Caller caller) {
        this.sessions = sessions;
        this.caller = caller;
    }

    @GET
    public Page<SessionView> listSessions(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return sessions.list(caller.accountId(), caller.sessionId(), PageRequest.of(limit, cursor));
    }

    @DELETE
    @Path("/{sessionId}")
    public void revokeSession(@PathParam("sessionId") UUID sessionId) {
        if (!sessions.end(caller.accountId(), sessionId, Session.EndReason.revoked)) {
            throw ProblemException.notFound("The session");
        }
    }

    @POST
    @Path("/revoke-others")
    public RevokedSessions revokeOtherSessions() {
        return new RevokedSessions(
                sessions.endAllExcept(caller.accountId(), caller.sessionId(), Session.EndReason.signed_out_elsewhere));
    }
}
