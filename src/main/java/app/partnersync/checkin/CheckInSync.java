package app.partnersync.checkin;

import app.partnersync.partnership.PartnershipAccess;
import app.partnersync.partnership.PartnershipSyncedType;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;

/**
 * Check-ins as synced records, each materialised for the caller through {@link CheckInView}: sealed entries stay
 * sealed, private fields stay out, and a field made private disappears from the partner's copy on the next pull.
 * Integrations (webhooks) see a check-in as a partner does.
 */
@Singleton
public class CheckInSync extends PartnershipSyncedType<CheckIn> {

    public CheckInSync(CheckInService checkIns, EntityManager entityManager) {
        super(
                CheckInService.SYNC_TYPE,
                CheckIn.class,
                entityManager,
                (rows, viewer) -> checkIns.views(rows, viewer).stream()
                        .map(view -> new Versioned(view.id(), view.version(), view))
                        .toList(),
                rows -> checkIns.views(rows, PartnershipAccess.NOBODY).stream()
                        .map(view -> new Versioned(view.id(), view.version(), view))
                        .toList());
    }

    @Override
    public IntegrationEvents integrationEvents() {
        return IntegrationEvents.family("checkin").consentRequired();
    }
}
