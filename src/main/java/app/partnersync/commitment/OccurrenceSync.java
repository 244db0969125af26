package app.partnersync.commitment;

import app.partnersync.common.ProblemException;
import app.partnersync.common.ProblemType;
import app.partnersync.partnership.PartnershipAccess;
import app.partnersync.partnership.PartnershipSyncedType;
import app.partnersync.sync.MutationData;
import app.partnersync.sync.SyncMutation;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Occurrences and their outcomes, with their history, as synced records of their partnership. Pushable by the
 * occurrence's id: {@code outcome}, {@code confirmation}, {@code revision} and {@code acknowledgement} call the service
 * methods of the REST operations, with the commitment and due date read from the row.
 */
@Singleton
public class OccurrenceSync extends PartnershipSyncedType<Occurrence> {

    private final OccurrenceService occurrences;
    private final PartnershipAccess access;
    private final MutationData data;
    private final OccurrenceHistory history;

    public OccurrenceSync(
            OccurrenceService occurrences,
            PartnershipAccess access,
            MutationData data,
            EntityManager entityManager,
            OccurrenceHistory history) {
        super(CommitmentService.OCCURRENCE_TYPE, Occurrence.class, entityManager, (rows, viewer) -> {
            // One query for the history of the whole batch, never one per occurrence.
            Map<UUID, List<OccurrenceHistory.Entry>> changes = history.of(rows);
            return rows.stream()
                    .map(o -> new Versioned(o.id, o.version, OccurrenceView.of(o, changes.get(o.id))))
                    .toList();
        });
        this.occurrences = occurrences;
        this.access = access;
        this.data = data;
        this.history = history;
    }

    @Override
    public MutationOutcome apply(UUID accountId, SyncMutation mutation) {
        Occurrence occurrence = lockedForMember(mutation.id(), accountId)
                .orElseThrow(() -> ProblemException.notFound("The occurrence"));
        access.requireWritable(accountId, occurrence.partnershipId);
        if (mutation.baseVersion() != null && mutation.baseVersion() != occurrence.version) {
            return MutationOutcome.conflict(versioned(occurrence));
        }
        boolean own = accountId.equals(occurrence.promiserId);
        OccurrenceView written = switch (mutation.op()) {
            case outcome -> {
                OutcomeInput input = data.read(mutation, OutcomeInput.class, "an outcome");
                requireOwn(own);
                yield occurrences.recordOutcome(
                        accountId, occurrence.partnershipId, occurrence.commitmentId, occurrence.dueDate, input);
            }
            case confirmation -> {
                ConfirmationInput input = data.read(mutation, ConfirmationInput.class, "a verdict");
                requirePartners(own);
                yield occurrences.confirm(
                        accountId, occurrence.partnershipId, occurrence.commitmentId, occurrence.dueDate, input);
            }
            case revision -> {
                RevisionInput input = data.read(mutation, RevisionInput.class, "an answer to a revision");
                requirePartners(own);
                yield occurrences.answerRevision(
                        accountId, occurrence.partnershipId, occurrence.commitmentId, occurrence.dueDate, input);
            }
            case acknowledgement -> {
                AcknowledgementInput input = data.read(mutation, AcknowledgementInput.class, "an acknowledgement");
                requireOwn(own);
                yield occurrences.acknowledge(
                        accountId, occurrence.partnershipId, occurrence.commitmentId, occurrence.dueDate, input);
            }
            default -> throw MutationData.unsupported(mutation, "outcome, confirmation, revision or acknowledgement");
        };
        return MutationOutcome.applied(new Versioned(written.id(), written.version(), written));
    }

    /**
     * The service finds the caller's own occurrence of that day; on a both-promised commitment that is another row than
     * the partner's occurrence this mutation names, so the promiser is checked against the row itself.
     */
    private static void requireOwn(boolean own) {
        if (!own) {
            throw new ProblemException(
                    ProblemType.NOT_PROMISER,
                    "Only a member who made this promise records its outcome or owns its miss.");
        }
    }

    /** On a both-promised commitment the service would judge the other member's occurrence: the row decides. */
    private static void requirePartners(boolean own) {
        if (own) {
            throw new ProblemException(
                    ProblemType.OWN_OUTCOME, "You made this promise; your partner answers for its outcome.");
        }
    }

    private Versioned versioned(Occurrence occurrence) {
        return new Versioned(
                occurrence.id,
                occurrence.version,
                OccurrenceView.of(occurrence, history.of(List.of(occurrence)).get(occurrence.id)));
    }

    @Override
    public IntegrationEvents integrationEvents() {
        return IntegrationEvents.family("commitment.occurrence").withDeletions();
    }
}
