package app.partnersync.moment;

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

/** Moments as synced records of their partnership, so that both see a cool-off live. */
@ApplicationScoped
public class MomentSync implements SyncedType {

    private static final PartnershipRecords<Moment> RECORDS =
            new PartnershipRecords<>(Moment.class, m -> versioned(MomentView.of(m)));

    private final EntityManager entityManager;

    public MomentSync(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    public String name() {
        return MomentService.SYNC_TYPE;
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
                "Moments are created with POST /v1/partnerships/{id}/moments, not through sync.");
    }

    private static Versioned versioned(MomentView view) {
        return new Versioned(view.id(), view.version(), view);
    }
}
