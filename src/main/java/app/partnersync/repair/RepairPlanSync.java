package app.partnersync.repair;

import app.partnersync.sync.PartnershipSyncedType;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;

/** Repair plans as synced records, the same for both members (the support suggestion included: it is theirs). */
@Singleton
public class RepairPlanSync extends PartnershipSyncedType<RepairPlan> {

    private final RepairPlanService plans;

    public RepairPlanSync(RepairPlanService plans, EntityManager entityManager) {
        super(
                RepairPlanService.SYNC_TYPE,
                RepairPlan.class,
                entityManager,
                (rows, viewer) -> plans.views(rows).stream()
                        .map(view -> new Versioned(view.id(), view.version(), view))
                        .toList());
        this.plans = plans;
    }

    /** For webhooks: never with the professional-support suggestion, which is for the members only. */
    @Override
    public Object integrationRecord(java.util.UUID id, java.util.UUID member) {
        java.util.List<RepairPlan> rows = RepairPlan.list(
                "id = ?1 and partnershipId in (select m.partnershipId from PartnershipMember m where m.accountId = ?2)",
                id,
                member);
        return rows.isEmpty() ? null : plans.views(rows, false).get(0);
    }
}
