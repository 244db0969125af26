package app.partnersync.cadence;

import app.partnersync.accountdata.AccountErasure;
import app.partnersync.accountdata.ExportSection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** Cadences in the export; on deletion they stay with the partner, no longer naming who last edited them. */
@ApplicationScoped
public class CadenceAccountData implements ExportSection, AccountErasure {

    private final CadenceService cadences;

    public CadenceAccountData(CadenceService cadences) {
        this.cadences = cadences;
    }

    @Override
    public String name() {
        return "cadences";
    }

    @Override
    public List<?> collect(UUID accountId, UUID sessionId) {
        return cadences.all(accountId);
    }

    @Override
    public void erase(UUID accountId) {
        cadences.erase(accountId);
    }
}
