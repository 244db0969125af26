package app.partnersync.partnership;

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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;

/** The caller's partnerships: {@code /v1/partnerships}. */
@Path("/v1/partnerships")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PartnershipResource {

    private final PartnershipService partnerships;
    private final Caller caller;

    public PartnershipResource(PartnershipService partnerships, Caller caller) {
        this.partnerships = partnerships;
        this.caller = caller;
    }

    @GET
    @IntegrationScope(Scopes.PARTNERSHIPS_READ)
    public Page<PartnershipView> listPartnerships(
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor,
            @QueryParam("status") Partnership.Status status) {
        return partnerships.list(caller.accountId(), status, PageRequest.of(limit, cursor));
    }

    @GET
    @Path("/{partnershipId}")
    @IntegrationScope(Scopes.PARTNERSHIPS_READ)
    public Response getPartnership(
            @PathParam("partnershipId") UUID partnershipId, @HeaderParam("If-None-Match") String ifNoneMatch) {
        PartnershipView partnership = partnerships.get(caller.accountId(), partnershipId);
        return Versions.read(ifNoneMatch, partnership.version(), partnership);
    }

    @PATCH
    @Path("/{partnershipId}")
    public Response updatePartnership(
            @PathParam("partnershipId") UUID partnershipId,
            @HeaderParam("If-Match") String ifMatch,
            @NotNull @Valid UpdatePartnershipRequest body) {
        PartnershipView partnership =
                partnerships.rename(caller.accountId(), partnershipId, body.displayName(), ifMatch);
        return Versions.written(partnership.version(), partnership);
    }

    @PUT
    @Path("/{partnershipId}/integration-consent")
    public Response putIntegrationConsent(
            @PathParam("partnershipId") UUID partnershipId,
            @HeaderParam("If-Match") String ifMatch,
            @NotNull @Valid IntegrationConsent body) {
        PartnershipView partnership =
                partnerships.setIntegrationConsent(caller.accountId(), partnershipId, body.allowed(), ifMatch);
        return Versions.written(partnership.version(), partnership);
    }

    @POST
    @Path("/{partnershipId}/end")
    public Response endPartnership(
            @PathParam("partnershipId") UUID partnershipId, @HeaderParam("If-Match") String ifMatch) {
        PartnershipView partnership = partnerships.end(caller.accountId(), partnershipId, ifMatch);
        return Versions.written(partnership.version(), partnership);
    }
}
