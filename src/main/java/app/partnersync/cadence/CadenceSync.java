package app.partnersync.cadence;

import app.partnersync.partnership.PartnershipSyncedType;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;

/** Cadences as synced records (id = partnership id), the same for both members. */
@Singleton
public class CadenceSync extends PartnershipSyncedType<Cadence> {

    public CadenceSync(CadenceService cadences, EntityManager entityManager) {
        super(
                CadenceService.SYNC_TYPE,
                Cadence.class,
                entityManager,
                (rows, viewer) -> cadences.views(rows).stream()
                        .map(view -> new Versioned(view.partnershipId(), view.version(), view))
                        .toList());
    }

    @Override
    public IntegrationEvents integrationEvents() {
        return IntegrationEvents.family("checkin.cadence");
    }
}
