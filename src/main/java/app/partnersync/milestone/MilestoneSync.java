package app.partnersync.milestone;

import app.partnersync.partnership.PartnershipSyncedType;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;

/**
 * Milestones as synced records of their partnership, read-only (the service decides them). Integrations hear of a
 * new one as {@code milestone.reached} ({@link Milestones}), once, not as a record event.
 */
@Singleton
public class MilestoneSync extends PartnershipSyncedType<Milestone> {

    public MilestoneSync(EntityManager entityManager) {
        super(Milestones.SYNC_TYPE, Milestone.class, entityManager, milestone -> {
            MilestoneView view = MilestoneView.of(milestone);
            return new Versioned(view.id(), view.version(), view);
        });
    }
}
