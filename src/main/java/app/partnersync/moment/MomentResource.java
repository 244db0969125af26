package app.partnersync.moment;

import app.partnersync.common.Page;
import app.partnersync.common.PageRequest;
import app.partnersync.common.Versions;
import app.partnersync.identity.Caller;
import app.partnersync.identity.IntegrationScope;
import app.partnersync.identity.Scopes;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;

/** Moments of a partnership: {@code /v1/partnerships/{partnershipId}/moments}. */
@Path("/v1/partnerships/{partnershipId}/moments")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MomentResource {

    private final MomentService moments;
    private final Caller caller;

    public MomentResource(MomentService moments, Caller caller) {
        this.moments = moments;
        this.caller = caller;
    }

    @GET
    @IntegrationScope(Scopes.PARTNERSHIPS_READ)
    public Page<MomentView> listMoments(
            @PathParam("partnershipId") UUID partnershipId,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor,
            @QueryParam("kind") Moment.Kind kind) {
        return moments.list(caller.accountId(), partnershipId, kind, PageRequest.of(limit, cursor));
    }

    @POST
    public Response createMoment(
            @PathParam("partnershipId") UUID partnershipId, @NotNull @Valid CreateMomentRequest body) {
        MomentView created = moments.create(caller.accountId(), partnershipId, body);
        return Response.created(URI.create("/v1/partnerships/" + partnershipId + "/moments/" + created.id()))
                .tag(Versions.tag(created.version()))
                .entity(created)
                .build();
    }

    @GET
    @Path("/{momentId}")
    @IntegrationScope(Scopes.PARTNERSHIPS_READ)
    public Response getMoment(
            @PathParam("partnershipId") UUID partnershipId,
            @PathParam("momentId") UUID momentId,
            @HeaderParam("If-None-Match") String ifNoneMatch) {
        MomentView moment = moments.get(caller.accountId(), partnershipId, momentId);
        return Versions.read(ifNoneMatch, moment.version(), moment);
    }
}
