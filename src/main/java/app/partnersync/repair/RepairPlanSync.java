package app.partnersync.repair;

import app.partnersync.common.ProblemException;
import app.partnersync.partnership.PartnershipAccess;
import app.partnersync.partnership.PartnershipSyncedType;
import app.partnersync.sync.MutationData;
import app.partnersync.sync.SyncMutation;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import java.util.UUID;

/**
 * Repair plans as synced records, the same for both members (the support suggestion included: it is theirs);
 * integrations (webhooks) never see the suggestion. Pushable: {@code create} with the client's id, {@code update} with
 * the patch of {@code PATCH …/repair-plans/{id}} (which also ticks steps).
 */
@Singleton
public class RepairPlanSync extends PartnershipSyncedType<RepairPlan> {

    private final RepairPlanService plans;
    private final PartnershipAccess access;
    private final MutationData data;

    public RepairPlanSync(
            RepairPlanService plans, PartnershipAccess access, MutationData data, EntityManager entityManager) {
        super(
                RepairPlanService.SYNC_TYPE,
                RepairPlan.class,
                entityManager,
                (rows, viewer) -> plans.views(rows).stream()
                        .map(view -> new Versioned(view.id(), view.version(), view))
                        .toList(),
                rows -> plans.views(rows, false).stream()
                        .map(view -> new Versioned(view.id(), view.version(), view))
                        .toList());
        this.plans = plans;
        this.access = access;
        this.data = data;
    }

    @Override
    public MutationOutcome apply(UUID accountId, SyncMutation mutation) {
        return switch (mutation.op()) {
            case create -> create(accountId, mutation);
            case update -> update(accountId, mutation);
            default -> throw MutationData.unsupported(mutation, "create or update");
        };
    }

    private MutationOutcome create(UUID accountId, SyncMutation mutation) {
        UUID partnershipId = data.partnershipId(mutation, "a repair plan");
        RepairPlanInput read = data.read(mutation, RepairPlanInput.class, "a repair plan");
        return applied(plans.create(
                accountId,
                partnershipId,
                new RepairPlanInput(mutation.id(), read.title(), read.why(), read.steps(), read.review())));
    }

    private MutationOutcome update(UUID accountId, SyncMutation mutation) {
        RepairPlan plan = lockedForMember(mutation.id(), accountId)
                .orElseThrow(() -> ProblemException.notFound("The repair plan"));
        access.requireWritable(accountId, plan.partnershipId);
        if (mutation.baseVersion() != null && mutation.baseVersion() != plan.version) {
            return MutationOutcome.conflict(viewOf(plan, accountId));
        }
        RepairPlanPatch patch = data.read(mutation, RepairPlanPatch.class, "a change of a repair plan");
        return applied(plans.update(accountId, plan.partnershipId, plan.id, patch, null));
    }

    private static MutationOutcome applied(RepairPlanView plan) {
        return MutationOutcome.applied(new Versioned(plan.id(), plan.version(), plan));
    }

    @Override
    public IntegrationEvents integrationEvents() {
        return IntegrationEvents.family("checkin.repair_plan").consentRequired();
    }
}
