package app.partnersync.partnership;

import app.partnersync.accountdata.AccountDataSection;
import jakarta.inject.Singleton;

/** Partnerships in the account's export; on deletion its seats become former members and active ones end. */
@Singleton
public class PartnershipAccountData extends AccountDataSection {

    public PartnershipAccountData(PartnershipService partnerships) {
        super("partnerships", (account, session) -> partnerships.all(account), partnerships::eraseMember);
    }
}
