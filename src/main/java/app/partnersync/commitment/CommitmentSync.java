package app.partnersync.commitment;

import app.partnersync.common.ProblemException;
import app.partnersync.common.ProblemType;
import app.partnersync.partnership.PartnershipAccess;
import app.partnersync.partnership.PartnershipSyncedType;
import app.partnersync.sync.MutationData;
import app.partnersync.sync.MutationOp;
import app.partnersync.sync.SyncMutation;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.Map;
import java.util.UUID;

/**
 * Commitments as synced records of their partnership. Pushable: an upsert with a new id creates the commitment offline
 * (the client chose the id), with a known id updates it against its base version; a delete removes it.
 */
@Singleton
public class CommitmentSync extends PartnershipSyncedType<Commitment> {

    private final CommitmentService commitments;
    private final PartnershipAccess access;
    private final ObjectMapper json;
    private final MutationData data;
    private final Goals goals;

    public CommitmentSync(
            CommitmentService commitments,
            PartnershipAccess access,
            EntityManager entityManager,
            ObjectMapper json,
            MutationData data,
            Goals goals) {
        super(
                CommitmentService.SYNC_TYPE,
                Commitment.class,
                entityManager,
                (rows, viewer) -> goals
                        .withProgress(rows.stream().map(CommitmentView::of).toList())
                        .stream()
                        .map(view -> new Versioned(view.id(), view.version(), view))
                        .toList());
        this.goals = goals;
        this.commitments = commitments;
        this.access = access;
        this.json = json;
        this.data = data;
    }

    @Override
    public MutationOutcome apply(UUID accountId, SyncMutation mutation) {
        if (mutation.op() != MutationOp.upsert && mutation.op() != MutationOp.delete) {
            throw new ProblemException(
                    ProblemType.UNSUPPORTED_MUTATION, "A commitment is pushed as an upsert or a delete.");
        }
        Commitment existing = Commitment.<Commitment>find("id", mutation.id())
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .<Commitment>firstResultOptional()
                .orElse(null);
        if (existing == null) {
            if (mutation.op() == MutationOp.delete) {
                throw ProblemException.notFound("The commitment");
            }
            UUID partnershipId = partnershipOf(mutation.data());
            CommitmentInput input = read(mutation.data(), CommitmentInput.class);
            CommitmentInput withId = new CommitmentInput(
                    mutation.id(),
                    input.title(),
                    input.details(),
                    input.promisedBy(),
                    input.category(),
                    input.dueAt(),
                    input.recurrence(),
                    input.reminderMinutesBefore(),
                    input.target());
            validate(withId);
            CommitmentView created = commitments.create(accountId, partnershipId, withId);
            return MutationOutcome.applied(new Versioned(created.id(), created.version(), created));
        }
        access.requireWritable(accountId, existing.partnershipId);
        if (mutation.baseVersion() != null && mutation.baseVersion() != existing.version) {
            return MutationOutcome.conflict(versioned(existing));
        }
        if (mutation.op() == MutationOp.delete) {
            Versioned gone = versioned(existing);
            commitments.remove(existing);
            return MutationOutcome.applied(new Versioned(gone.id(), existing.version + 1, gone.record()));
        }
        CommitmentPatch patch = read(withoutPartnership(mutation.data()), CommitmentPatch.class);
        validate(patch);
        CommitmentView updated = commitments.apply(existing, patch);
        return MutationOutcome.applied(new Versioned(updated.id(), updated.version(), updated));
    }

    private static UUID partnershipOf(Map<String, Object> data) {
        Object id = data == null ? null : data.get("partnershipId");
        try {
            return UUID.fromString((String) id);
        } catch (RuntimeException e) {
            throw ProblemException.invalidField(
                    "data.partnershipId", "is required to create a commitment: the partnership it belongs to");
        }
    }

    private static Map<String, Object> withoutPartnership(Map<String, Object> data) {
        if (data == null) {
            throw ProblemException.invalidField("data", "must say what to change");
        }
        Map<String, Object> copy = new java.util.LinkedHashMap<>(data);
        copy.remove("partnershipId");
        return copy;
    }

    private <T> T read(Map<String, Object> data, Class<T> type) {
        try {
            Map<String, Object> fields = new java.util.LinkedHashMap<>(data == null ? Map.of() : data);
            fields.remove("partnershipId");
            return json.convertValue(fields, type);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("data", "does not describe a commitment: unknown field or wrong type");
        }
    }

    private <T> void validate(T value) {
        data.validated(value);
    }

    private Versioned versioned(Commitment commitment) {
        CommitmentView view = goals.withProgress(CommitmentView.of(commitment));
        return new Versioned(commitment.id, commitment.version, view);
    }

    @Override
    public IntegrationEvents integrationEvents() {
        return IntegrationEvents.family("commitment").withDeletions();
    }
}
