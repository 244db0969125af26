package app.partnersync.commitment;

import app.partnersync.common.ProblemException;
import app.partnersync.common.ProblemType;
import app.partnersync.sync.PartnershipRecords;
import app.partnersync.sync.SyncMutation;
import app.partnersync.sync.SyncedType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Occurrences and their outcomes as synced records of their partnership; outcomes are recorded through REST. */
@ApplicationScoped
public class OccurrenceSync implements SyncedType {

    private static final PartnershipRecords<Occurrence> RECORDS =
            new PartnershipRecords<>(Occurrence.class, OccurrenceSync::versioned);

    private final EntityManager entityManager;

    public OccurrenceSync(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    public String name() {
        return CommitmentService.OCCURRENCE_TYPE;
    }

    @Override
    public Map<UUID, Versioned> load(Collection<UUID> ids, UUID accountId) {
        return RECORDS.load(entityManager, ids, accountId);
    }

    @Override
    public List<Versioned> snapshot(UUID accountId, UUID afterId, int limit) {
        return RECORDS.snapshot(entityManager, accountId, afterId, limit);
    }

    @Override
    public MutationOutcome apply(UUID accountId, SyncMutation mutation) {
        throw new ProblemException(
                ProblemType.UNSUPPORTED_MUTATION,
                "Outcomes are recorded with POST …/occurrences/{dueDate}/outcome, not through sync.");
    }

    private static Versioned versioned(Occurrence occurrence) {
        return new Versioned(occurrence.id, occurrence.version, OccurrenceView.of(occurrence));
    }
}
