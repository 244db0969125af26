package app.partnersync.repair;

import app.partnersync.accountdata.AccountErasure;
import app.partnersync.accountdata.ExportSection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** Repair plans in the export; on deletion they stay with the partner, no longer naming the person. */
@ApplicationScoped
public class RepairPlanAccountData implements ExportSection, AccountErasure {

    private final RepairPlanService plans;

    public RepairPlanAccountData(RepairPlanService plans) {
        this.plans = plans;
    }

    @Override
    public String name() {
        return "repairPlans";
    }

    @Override
    public List<?> collect(UUID accountId, UUID sessionId) {
        return plans.all(accountId);
    }

    @Override
    public void erase(UUID accountId) {
        plans.erase(accountId);
    }
}
