package app.partnersync.repair;

import app.partnersync.accountdata.AccountDataSection;
import jakarta.inject.Singleton;

/** Repair plans in the export; on deletion they stay with the partner, no longer naming the person. */
@Singleton
public class RepairPlanAccountData extends AccountDataSection {

    public RepairPlanAccountData(RepairPlanService plans) {
        super("repairPlans", (account, session) -> plans.all(account), plans::erase);
    }
}
