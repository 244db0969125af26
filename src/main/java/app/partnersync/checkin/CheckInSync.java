package app.partnersync.checkin;

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

/**
 * Check-ins as synced records, each materialised for the caller through {@link CheckInView}: sealed entries stay
 * sealed, private fields stay out, and a field made private disappears from the partner's copy on the next pull.
 */
@ApplicationScoped
public class CheckInSync implements SyncedType {

    private final PartnershipRecords<CheckIn> records;
    private final EntityManager entityManager;

    public CheckInSync(CheckInService checkIns, EntityManager entityManager) {
        this.records = new PartnershipRecords<>(
                CheckIn.class,
                (rows, viewer) -> checkIns.views(rows, viewer).stream()
                        .map(CheckInSync::versioned)
                        .toList());
        this.entityManager = entityManager;
    }

    @Override
    public String name() {
        return CheckInService.SYNC_TYPE;
    }

    @Override
    public Map<UUID, Versioned> load(Collection<UUID> ids, UUID accountId) {
        return records.load(entityManager, ids, accountId);
    }

    @Override
    public List<Versioned> snapshot(UUID accountId, UUID afterId, int limit) {
        return records.snapshot(entityManager, accountId, afterId, limit);
    }

    @Override
    public MutationOutcome apply(UUID accountId, SyncMutation mutation) {
        throw new ProblemException(
                ProblemType.UNSUPPORTED_MUTATION,
                "Check-ins are started and answered through /v1/partnerships/{id}/check-ins, not through sync.");
    }

    private static Versioned versioned(CheckInView view) {
        return new Versioned(view.id(), view.version(), view);
    }
}
