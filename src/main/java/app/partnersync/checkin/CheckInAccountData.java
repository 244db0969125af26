package app.partnersync.checkin;

import app.partnersync.accountdata.AccountErasure;
import app.partnersync.accountdata.ExportSection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** Check-ins in the export (own entries in full, the partner's shared fields only); private answers erased on deletion. */
@ApplicationScoped
public class CheckInAccountData implements ExportSection, AccountErasure {

    private final CheckInService checkIns;

    public CheckInAccountData(CheckInService checkIns) {
        this.checkIns = checkIns;
    }

    @Override
    public String name() {
        return "checkIns";
    }

    @Override
    public List<?> collect(UUID accountId, UUID sessionId) {
        return checkIns.all(accountId);
    }

    @Override
    public void erase(UUID accountId) {
        checkIns.erase(accountId);
    }
}
