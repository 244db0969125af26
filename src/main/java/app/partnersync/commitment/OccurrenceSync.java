package app.partnersync.commitment;

import app.partnersync.partnership.PartnershipSyncedType;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;

/**
 * Occurrences and their outcomes, with their history, as synced records of their partnership; outcomes are recorded
 * through REST.
 */
@Singleton
public class OccurrenceSync extends PartnershipSyncedType<Occurrence> {

    public OccurrenceSync(EntityManager entityManager, OccurrenceHistory history) {
        super(CommitmentService.OCCURRENCE_TYPE, Occurrence.class, entityManager, (rows, viewer) -> {
            // One query for the history of the whole batch, never one per occurrence.
            Map<java.util.UUID, List<OccurrenceHistory.Entry>> changes = history.of(rows);
            return rows.stream()
                    .map(o -> new Versioned(o.id, o.version, OccurrenceView.of(o, changes.get(o.id))))
                    .toList();
        });
    }

    @Override
    public IntegrationEvents integrationEvents() {
        return IntegrationEvents.family("commitment.occurrence").withDeletions();
    }
}
