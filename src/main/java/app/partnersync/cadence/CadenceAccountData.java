package app.partnersync.cadence;

import app.partnersync.accountdata.AccountDataSection;
import jakarta.inject.Singleton;

/** Cadences in the export; on deletion they stay with the partner, no longer naming who last edited them. */
@Singleton
public class CadenceAccountData extends AccountDataSection {

    public CadenceAccountData(CadenceService cadences) {
        super("cadences", (account, session) -> cadences.all(account), cadences::erase);
    }
}
