package app.partnersync.commitment;

import app.partnersync.common.Versions;
import app.partnersync.identity.Caller;
import app.partnersync.identity.IntegrationScope;
import app.partnersync.identity.Scopes;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A commitment's occurrences and their outcomes: {@code …/commitments/{commitmentId}/occurrences}. */
@Path("/v1/partnerships/{partnershipId}/commitments/{commitmentId}/occurrences")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OccurrenceResource {

    private final OccurrenceService occurrences;
    private final Caller caller;

    public OccurrenceResource(OccurrenceService occurrences, Caller caller) {
        this.occurrences = occurrences;
        this.caller = caller;
    }

    /** The list answer: {@code {items: [...]}}. */
    public record OccurrenceList(List<OccurrenceView> items) {}

    @GET
    @IntegrationScope(Scopes.COMMITMENTS_READ)
    public OccurrenceList listOccurrences(
            @PathParam("partnershipId") UUID partnershipId,
            @PathParam("commitmentId") UUID commitmentId,
            @QueryParam("from") String from,
            @QueryParam("to") String to) {
        return new OccurrenceList(occurrences.list(
                caller.accountId(),
                partnershipId,
                commitmentId,
                CommitmentResource.instant("from", from),
                CommitmentResource.instant("to", to)));
    }

    @POST
    @Path("/{dueDate}/outcome")
    @IntegrationScope(Scopes.COMMITMENTS_WRITE)
    public Response recordOutcome(
            @PathParam("partnershipId") UUID partnershipId,
            @PathParam("commitmentId") UUID commitmentId,
            @PathParam("dueDate") LocalDate dueDate,
            @NotNull @Valid OutcomeInput body) {
        OccurrenceView occurrence =
                occurrences.recordOutcome(caller.accountId(), partnershipId, commitmentId, dueDate, body);
        return Versions.written(occurrence.version(), occurrence);
    }

    @POST
    @Path("/{dueDate}/confirmation")
    @IntegrationScope(Scopes.COMMITMENTS_WRITE)
    public OccurrenceView confirmOutcome(
            @PathParam("partnershipId") UUID partnershipId,
            @PathParam("commitmentId") UUID commitmentId,
            @PathParam("dueDate") LocalDate dueDate,
            @NotNull @Valid ConfirmationInput body) {
        return occurrences.confirm(caller.accountId(), partnershipId, commitmentId, dueDate, body);
    }

    @POST
    @Path("/{dueDate}/revision")
    @IntegrationScope(Scopes.COMMITMENTS_WRITE)
    public OccurrenceView answerRevision(
            @PathParam("partnershipId") UUID partnershipId,
            @PathParam("commitmentId") UUID commitmentId,
            @PathParam("dueDate") LocalDate dueDate,
            @NotNull @Valid RevisionInput body) {
        return occurrences.answerRevision(caller.accountId(), partnershipId, commitmentId, dueDate, body);
    }

    @POST
    @Path("/{dueDate}/acknowledgement")
    @IntegrationScope(Scopes.COMMITMENTS_WRITE)
    public OccurrenceView acknowledgeMiss(
            @PathParam("partnershipId") UUID partnershipId,
            @PathParam("commitmentId") UUID commitmentId,
            @PathParam("dueDate") LocalDate dueDate,
            @NotNull @Valid AcknowledgementInput body) {
        return occurrences.acknowledge(caller.accountId(), partnershipId, commitmentId, dueDate, body);
    }
}
