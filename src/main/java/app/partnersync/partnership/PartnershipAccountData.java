package app.partnersync.partnership;

import app.partnersync.accountdata.AccountErasure;
import app.partnersync.accountdata.ExportSection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** Partnerships in the account's export; on deletion its seats become former members and active ones end. */
@ApplicationScoped
public class PartnershipAccountData implements ExportSection, AccountErasure {

    private final PartnershipService partnerships;

    public PartnershipAccountData(PartnershipService partnerships) {
        this.partnerships = partnerships;
    }

    @Override
    public String name() {
        return "partnerships";
    }

    @Override
    public List<?> collect(UUID accountId, UUID sessionId) {
        return partnerships.all(accountId);
    }

    @Override
    public void erase(UUID accountId) {
        partnerships.eraseMember(accountId);
    }
}
