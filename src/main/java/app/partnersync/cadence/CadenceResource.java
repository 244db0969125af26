package app.partnersync.cadence;

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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;

/** The check-in schedule of a partnership: {@code /v1/partnerships/{partnershipId}/cadence}. */
@Path("/v1/partnerships/{partnershipId}/cadence")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CadenceResource {

    private static final int DEFAULT_UPCOMING = 10;
    private static final int MAX_UPCOMING = 50;

    private final CadenceService cadences;
    private final Caller caller;

    public CadenceResource(CadenceService cadences, Caller caller) {
        this.cadences = cadences;
        this.caller = caller;
    }

    @GET
    @IntegrationScope(Scopes.PARTNERSHIPS_READ)
    public Response getCadence(
            @PathParam("partnershipId") UUID partnershipId, @HeaderParam("If-None-Match") String ifNoneMatch) {
        CadenceView cadence = cadences.get(caller.accountId(), partnershipId);
        return Versions.read(ifNoneMatch, cadence.version(), cadence);
    }

    @PUT
    public Response putCadence(
            @PathParam("partnershipId") UUID partnershipId,
            @HeaderParam("If-Match") String ifMatch,
            @NotNull @Valid CadenceInput body) {
        CadenceView cadence = cadences.put(caller.accountId(), partnershipId, body, ifMatch);
        return Versions.written(cadence.version(), cadence);
    }

    @GET
    @Path("/upcoming")
    @IntegrationScope(Scopes.PARTNERSHIPS_READ)
    public UpcomingCheckIn.Page listUpcomingCheckIns(
            @PathParam("partnershipId") UUID partnershipId, @QueryParam("limit") String limit) {
        return cadences.upcoming(caller.accountId(), partnershipId, limit(limit));
    }

    private static int limit(String limit) {
        return PageRequest.clampedLimit("limit", limit, DEFAULT_UPCOMING, MAX_UPCOMING);
    }
}
