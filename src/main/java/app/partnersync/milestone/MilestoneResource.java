package app.partnersync.milestone;

import app.partnersync.common.Page;
import app.partnersync.common.PageRequest;
import app.partnersync.identity.Caller;
import app.partnersync.identity.IntegrationScope;
import app.partnersync.identity.Scopes;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;

/** Milestones of a partnership, newest first: {@code /v1/partnerships/{partnershipId}/milestones}. */
@Path("/v1/partnerships/{partnershipId}/milestones")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class MilestoneResource {

    private final Milestones milestones;
    private final Caller caller;

    public MilestoneResource(Milestones milestones, Caller caller) {
        this.milestones = milestones;
        this.caller = caller;
    }

    @GET
    @IntegrationScope(Scopes.COMMITMENTS_READ)
    public Page<MilestoneView> listMilestones(
            @PathParam("partnershipId") UUID partnershipId,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor,
            @QueryParam("kind") Milestone.Kind kind) {
        return milestones.list(caller.accountId(), partnershipId, kind, PageRequest.of(limit, cursor));
    }
}
