package app.partnersync.checkin;

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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;

/** Check-ins of a partnership and the caller's entry: {@code /v1/partnerships/{partnershipId}/check-ins}. */
@Path("/v1/partnerships/{partnershipId}/check-ins")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CheckInResource {

    private final CheckInService checkIns;
    private final Caller caller;

    public CheckInResource(CheckInService checkIns, Caller caller) {
        this.checkIns = checkIns;
        this.caller = caller;
    }

    @GET
    @IntegrationScope(Scopes.CHECKINS_READ)
    public Page<CheckInView> listCheckIns(
            @PathParam("partnershipId") UUID partnershipId,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor,
            @QueryParam("status") CheckIn.Status status,
            @QueryParam("kind") CheckIn.Kind kind) {
        return checkIns.list(caller.accountId(), partnershipId, status, kind, PageRequest.of(limit, cursor));
    }

    @POST
    public Response startCheckIn(
            @PathParam("partnershipId") UUID partnershipId, @NotNull @Valid CreateCheckInRequest body) {
        CheckInService.Started started = checkIns.start(caller.accountId(), partnershipId, body);
        CheckInView checkIn = started.checkIn();
        Response.ResponseBuilder response = started.created()
                ? Response.created(URI.create("/v1/partnerships/" + partnershipId + "/check-ins/" + checkIn.id()))
                : Response.ok();
        return response.tag(Versions.tag(checkIn.version())).entity(checkIn).build();
    }

    @GET
    @Path("/{checkInId}")
    @IntegrationScope(Scopes.CHECKINS_READ)
    public Response getCheckIn(
            @PathParam("partnershipId") UUID partnershipId,
            @PathParam("checkInId") UUID checkInId,
            @HeaderParam("If-None-Match") String ifNoneMatch) {
        CheckInView checkIn = checkIns.get(caller.accountId(), partnershipId, checkInId);
        return Versions.read(ifNoneMatch, checkIn.version(), checkIn);
    }

    @POST
    @Path("/{checkInId}/close")
    public Response closeCheckIn(
            @PathParam("partnershipId") UUID partnershipId,
            @PathParam("checkInId") UUID checkInId,
            @HeaderParam("If-Match") String ifMatch) {
        CheckInView checkIn = checkIns.close(caller.accountId(), partnershipId, checkInId, ifMatch);
        return Versions.written(checkIn.version(), checkIn);
    }

    @PUT
    @Path("/{checkInId}/entries/me")
    public Response putMyEntry(
            @PathParam("partnershipId") UUID partnershipId,
            @PathParam("checkInId") UUID checkInId,
            @HeaderParam("If-Match") String ifMatch,
            @NotNull @Valid EntryInput body) {
        CheckInView checkIn = checkIns.putEntry(caller.accountId(), partnershipId, checkInId, body, ifMatch);
        return Versions.written(checkIn.version(), checkIn);
    }
}
