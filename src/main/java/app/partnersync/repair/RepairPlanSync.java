package app.partnersync.repair;

import app.partnersync.partnership.PartnershipSyncedType;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;

/**
 * Repair plans as synced records, the same for both members (the support suggestion included: it is theirs);
 * integrations (webhooks) never see the suggestion.
 */
@Singleton
public class RepairPlanSync extends PartnershipSyncedType<RepairPlan> {

    public RepairPlanSync(RepairPlanService plans, EntityManager entityManager) {
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
    }

    @Override
    public IntegrationEvents integrationEvents() {
        return IntegrationEvents.family("checkin.repair_plan").consentRequired();
    }
}
