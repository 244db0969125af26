package app.partnersync.moment;

import app.partnersync.partnership.PartnershipSyncedType;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;

/** Moments as synced records of their partnership, so that both see a cool-off live. */
@Singleton
public class MomentSync extends PartnershipSyncedType<Moment> {

    public MomentSync(EntityManager entityManager) {
        super(MomentService.SYNC_TYPE, Moment.class, entityManager, moment -> {
            MomentView view = MomentView.of(moment);
            return new Versioned(view.id(), view.version(), view);
        });
    }

    @Override
    public IntegrationEvents integrationEvents() {
        return IntegrationEvents.family("moment");
    }
}
