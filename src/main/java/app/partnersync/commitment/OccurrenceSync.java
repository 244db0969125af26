package app.partnersync.commitment;

import app.partnersync.partnership.PartnershipSyncedType;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;

/** Occurrences and their outcomes as synced records of their partnership; outcomes are recorded through REST. */
@Singleton
public class OccurrenceSync extends PartnershipSyncedType<Occurrence> {

    public OccurrenceSync(EntityManager entityManager) {
        super(
                CommitmentService.OCCURRENCE_TYPE,
                Occurrence.class,
                entityManager,
                occurrence -> new Versioned(occurrence.id, occurrence.version, OccurrenceView.of(occurrence)));
    }

    @Override
    public IntegrationEvents integrationEvents() {
        return IntegrationEvents.family("commitment.occurrence").withDeletions();
    }
}
