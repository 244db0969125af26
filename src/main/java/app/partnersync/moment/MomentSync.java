package app.partnersync.moment;

import app.partnersync.partnership.PartnershipSyncedType;
import app.partnersync.sync.MutationData;
import app.partnersync.sync.MutationOp;
import app.partnersync.sync.SyncMutation;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import java.util.UUID;

/**
 * Moments as synced records of their partnership, so that both see a cool-off live. Pushable: {@code create} makes a
 * moment offline with the client's id (a running-late notice renegotiating its occurrence as through REST).
 */
@Singleton
public class MomentSync extends PartnershipSyncedType<Moment> {

    private final MomentService moments;
    private final MutationData data;

    public MomentSync(MomentService moments, MutationData data, EntityManager entityManager) {
        super(MomentService.SYNC_TYPE, Moment.class, entityManager, moment -> {
            MomentView view = MomentView.of(moment);
            return new Versioned(view.id(), view.version(), view);
        });
        this.moments = moments;
        this.data = data;
    }

    @Override
    public MutationOutcome apply(UUID accountId, SyncMutation mutation) {
        if (mutation.op() != MutationOp.create) {
            throw MutationData.unsupported(mutation, "create (a moment does not change once made)");
        }
        UUID partnershipId = data.partnershipId(mutation, "a moment");
        CreateMomentRequest read = data.read(mutation, CreateMomentRequest.class, "a moment");
        CreateMomentRequest request = new CreateMomentRequest(
                mutation.id(), read.kind(), read.message(), read.arrivalAt(), read.occurrence(), read.minutes());
        MomentView created = moments.create(accountId, partnershipId, request);
        return MutationOutcome.applied(new Versioned(created.id(), created.version(), created));
    }

    @Override
    public IntegrationEvents integrationEvents() {
        return IntegrationEvents.family("moment");
    }
}
