package app.partnersync.repair;

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
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;

/** Repair plans of a partnership: {@code /v1/partnerships/{partnershipId}/repair-plans}. */
@Path("/v1/partnerships/{partnershipId}/repair-plans")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RepairPlanResource {

    private final RepairPlanService plans;
    private final Caller caller;

    public RepairPlanResource(RepairPlanService plans, Caller caller) {
        this.plans = plans;
        this.caller = caller;
    }

    @GET
    @IntegrationScope(Scopes.CHECKINS_READ)
    public Page<RepairPlanView> listRepairPlans(
            @PathParam("partnershipId") UUID partnershipId,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor,
            @QueryParam("status") RepairPlan.Status status) {
        return plans.list(caller.accountId(), partnershipId, status, PageRequest.of(limit, cursor));
    }

    @POST
    public Response createRepairPlan(
            @PathParam("partnershipId") UUID partnershipId, @NotNull @Valid RepairPlanInput body) {
        RepairPlanView created = plans.create(caller.accountId(), partnershipId, body);
        return Response.created(URI.create("/v1/partnerships/" + partnershipId + "/repair-plans/" + created.id()))
                .tag(Versions.tag(created.version()))
                .entity(created)
                .build();
    }

    @GET
    @Path("/{repairPlanId}")
    @IntegrationScope(Scopes.CHECKINS_READ)
    public Response getRepairPlan(
            @PathParam("partnershipId") UUID partnershipId,
            @PathParam("repairPlanId") UUID repairPlanId,
            @HeaderParam("If-None-Match") String ifNoneMatch) {
        RepairPlanView plan = plans.get(caller.accountId(), partnershipId, repairPlanId);
        return Versions.read(ifNoneMatch, plan.version(), plan);
    }

    @PATCH
    @Path("/{repairPlanId}")
    public Response updateRepairPlan(
            @PathParam("partnershipId") UUID partnershipId,
            @PathParam("repairPlanId") UUID repairPlanId,
            @HeaderParam("If-Match") String ifMatch,
            @NotNull @Valid RepairPlanPatch body) {
        RepairPlanView plan = plans.update(caller.accountId(), partnershipId, repairPlanId, body, ifMatch);
        return Versions.written(plan.version(), plan);
    }
}
