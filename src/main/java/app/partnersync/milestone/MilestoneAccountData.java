package app.partnersync.milestone;

import app.partnersync.accountdata.AccountDataSection;
import jakarta.inject.Singleton;

/** Milestones in the export; on deletion they stay with the partner, no longer naming the deleted member. */
@Singleton
public class MilestoneAccountData extends AccountDataSection {

    public MilestoneAccountData(Milestones milestones) {
        super("milestones", (account, session) -> milestones.all(account), milestones::erase);
    }
}
