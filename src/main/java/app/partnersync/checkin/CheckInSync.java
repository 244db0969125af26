package app.partnersync.checkin;

import app.partnersync.sync.PartnershipSyncedType;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;

/**
 * Check-ins as synced records, each materialised for the caller through {@link CheckInView}: sealed entries stay
 * sealed, private fields stay out, and a field made private disappears from the partner's copy on the next pull.
 */
@Singleton
public class CheckInSync extends PartnershipSyncedType<CheckIn> {

    private final CheckInService checkIns;

    public CheckInSync(CheckInService checkIns, EntityManager entityManager) {
        super(
                CheckInService.SYNC_TYPE,
                CheckIn.class,
                entityManager,
                (rows, viewer) -> checkIns.views(rows, viewer).stream()
                        .map(view -> new Versioned(view.id(), view.version(), view))
                        .toList());
        this.checkIns = checkIns;
    }

    /** For webhooks: as a partner sees it (sealed while open, then shared fields only), not as the member does. */
    @Override
    public Object integrationRecord(java.util.UUID id, java.util.UUID member) {
        java.util.List<CheckIn> rows = CheckIn.list(
                "id = ?1 and partnershipId in (select m.partnershipId from PartnershipMember m where m.accountId = ?2)",
                id,
                member);
        return rows.isEmpty()
                ? null
                : checkIns.views(rows, CheckInService.NOBODY).get(0);
    }
}
