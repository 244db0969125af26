package app.partnersync.insight;

import app.partnersync.commitment.FollowThrough;
import app.partnersync.commitment.FollowThroughService;
import app.partnersync.commitment.Goals;
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

/** Insights of a partnership: {@code /v1/partnerships/{partnershipId}/insights}. */
@Path("/v1/partnerships/{partnershipId}/insights")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class InsightsResource {

    private final FollowThroughService followThrough;
    private final OverviewService overview;
    private final Goals goals;
    private final Caller caller;

    public InsightsResource(FollowThroughService followThrough, OverviewService overview, Goals goals, Caller caller) {
        this.followThrough = followThrough;
        this.overview = overview;
        this.goals = goals;
        this.caller = caller;
    }

    @GET
    @Path("/follow-through")
    @IntegrationScope(Scopes.INSIGHTS_READ)
    public FollowThrough getFollowThrough(
            @PathParam("partnershipId") UUID partnershipId, @QueryParam("window") FollowThrough.Window window) {
        return followThrough.compute(caller.accountId(), partnershipId, window);
    }

    @GET
    @Path("/overview")
    @IntegrationScope(Scopes.INSIGHTS_READ)
    public TrustOverview getOverview(
            @PathParam("partnershipId") UUID partnershipId, @QueryParam("window") TrustOverview.Window window) {
        return overview.overview(caller.accountId(), partnershipId, window);
    }

    @GET
    @Path("/goals")
    @IntegrationScope(Scopes.COMMITMENTS_READ)
    public Goals.GoalsInsight getGoals(@PathParam("partnershipId") UUID partnershipId) {
        return goals.insight(caller.accountId(), partnershipId);
    }
}
