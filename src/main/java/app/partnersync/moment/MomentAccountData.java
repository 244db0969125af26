package app.partnersync.moment;

import app.partnersync.accountdata.AccountErasure;
import app.partnersync.accountdata.ExportSection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** Moments in the export; on deletion they stay with the partner, no longer linked to the author. */
@ApplicationScoped
public class MomentAccountData implements ExportSection, AccountErasure {

    private final MomentService moments;

    public MomentAccountData(MomentService moments) {
        this.moments = moments;
    }

    @Override
    public String name() {
        return "moments";
    }

    @Override
    public List<?> collect(UUID accountId, UUID sessionId) {
        return moments.all(accountId);
    }

    @Override
    public void erase(UUID accountId) {
        moments.erase(accountId);
    }
}
