package app.partnersync.commitment;

import app.partnersync.common.Page;
import app.partnersync.common.PageRequest;
import app.partnersync.common.ProblemException;
import app.partnersync.common.Versions;
import app.partnersync.identity.Caller;
import app.partnersync.identity.IntegrationScope;
import app.partnersync.identity.Scopes;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/** Promises inside a partnership: {@code /v1/partnerships/{partnershipId}/commitments}. */
@Path("/v1/partnerships/{partnershipId}/commitments")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CommitmentResource {

    private final CommitmentService commitments;
    private final Caller caller;

    public CommitmentResource(CommitmentService commitments, Caller caller) {
        this.commitments = commitments;
        this.caller = caller;
    }

    @GET
    @IntegrationScope(Scopes.COMMITMENTS_READ)
    public Page<CommitmentView> listCommitments(
            @PathParam("partnershipId") UUID partnershipId,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor,
            @QueryParam("status") Commitment.Status status,
            @QueryParam("promiser") String promiser,
            @QueryParam("category") Commitment.Category category,
            @QueryParam("dueFrom") String dueFrom,
            @QueryParam("dueTo") String dueTo) {
        CommitmentService.Filter filter = new CommitmentService.Filter(
                status, uuid("promiser", promiser), category, instant("dueFrom", dueFrom), instant("dueTo", dueTo));
        return commitments.list(caller.accountId(), partnershipId, filter, PageRequest.of(limit, cursor));
    }

    @POST
    @IntegrationScope(Scopes.COMMITMENTS_WRITE)
    public Response createCommitment(
            @PathParam("partnershipId") UUID partnershipId, @NotNull @Valid CommitmentInput body) {
        CommitmentView created = commitments.create(caller.accountId(), partnershipId, body);
        return Response.created(URI.create("/v1/partnerships/" + partnershipId + "/commitments/" + created.id()))
                .tag(Versions.tag(created.version()))
                .entity(created)
                .build();
    }

    @GET
    @Path("/{commitmentId}")
    @IntegrationScope(Scopes.COMMITMENTS_READ)
    public Response getCommitment(
            @PathParam("partnershipId") UUID partnershipId,
            @PathParam("commitmentId") UUID commitmentId,
            @HeaderParam("If-None-Match") String ifNoneMatch) {
        CommitmentView commitment = commitments.get(caller.accountId(), partnershipId, commitmentId);
        return Versions.read(ifNoneMatch, commitment.version(), commitment);
    }

    @PATCH
    @Path("/{commitmentId}")
    @IntegrationScope(Scopes.COMMITMENTS_WRITE)
    public Response updateCommitment(
            @PathParam("partnershipId") UUID partnershipId,
            @PathParam("commitmentId") UUID commitmentId,
            @HeaderParam("If-Match") String ifMatch,
            @NotNull @Valid CommitmentPatch body) {
        CommitmentView commitment = commitments.update(caller.accountId(), partnershipId, commitmentId, body, ifMatch);
        return Versions.written(commitment.version(), commitment);
    }

    @DELETE
    @Path("/{commitmentId}")
    @IntegrationScope(Scopes.COMMITMENTS_WRITE)
    public void deleteCommitment(
            @PathParam("partnershipId") UUID partnershipId,
            @PathParam("commitmentId") UUID commitmentId,
            @HeaderParam("If-Match") String ifMatch) {
        commitments.delete(caller.accountId(), partnershipId, commitmentId, ifMatch);
    }

    static UUID uuid(String field, String text) {
        try {
            return text == null ? null : UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField(field, "must be a UUID");
        }
    }

    static Instant instant(String field, String text) {
        try {
            return text == null ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(field, "must be an RFC 3339 time in UTC, e.g. 2026-11-27T09:30:00Z");
        }
    }
}
