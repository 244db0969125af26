package app.partnersync.cadence;

import app.partnersync.partnership.PartnershipAccess;
import app.partnersync.partnership.PartnershipSyncedType;
import app.partnersync.sync.MutationData;
import app.partnersync.sync.MutationOp;
import app.partnersync.sync.SyncMutation;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.UUID;

/**
 * Cadences as synced records (id = partnership id), the same for both members. Pushable: {@code update} sets the whole
 * schedule as {@code PUT …/cadence} does; a cadence never set is at version 0.
 */
@Singleton
public class CadenceSync extends PartnershipSyncedType<Cadence> {

    private final CadenceService cadences;
    private final PartnershipAccess access;
    private final MutationData data;

    public CadenceSync(
            CadenceService cadences, PartnershipAccess access, MutationData data, EntityManager entityManager) {
        super(
                CadenceService.SYNC_TYPE,
                Cadence.class,
                entityManager,
                (rows, viewer) -> cadences.views(rows).stream()
                        .map(view -> new Versioned(view.partnershipId(), view.version(), view))
                        .toList());
        this.cadences = cadences;
        this.access = access;
        this.data = data;
    }

    @Override
    public MutationOutcome apply(UUID accountId, SyncMutation mutation) {
        if (mutation.op() != MutationOp.update) {
            throw MutationData.unsupported(mutation, "update");
        }
        UUID partnershipId = mutation.id();
        // Membership first: another partnership's cadence is not found, set or not.
        access.requireWritable(accountId, partnershipId);
        Cadence cadence = Cadence.findById(partnershipId, LockModeType.PESSIMISTIC_WRITE);
        long current = cadence == null ? 0 : cadence.version;
        if (mutation.baseVersion() != null && mutation.baseVersion() != current) {
            CadenceView now = cadences.get(accountId, partnershipId);
            return MutationOutcome.conflict(new Versioned(partnershipId, now.version(), now));
        }
        CadenceInput input = data.read(mutation, CadenceInput.class, "a cadence");
        CadenceView set = cadences.put(accountId, partnershipId, input, null);
        return MutationOutcome.applied(new Versioned(partnershipId, set.version(), set));
    }

    @Override
    public IntegrationEvents integrationEvents() {
        return IntegrationEvents.family("checkin.cadence");
    }
}
