package app.partnersync.auth;

import app.partnersync.accountdata.AccountErasure;
import app.partnersync.accountdata.ExportSection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** The account's active sessions (never their secrets) in its export; on deletion every session is removed. */
@ApplicationScoped
public class SessionAccountData implements ExportSection, AccountErasure {

    private final SessionService sessions;

    public SessionAccountData(SessionService sessions) {
        this.sessions = sessions;
    }

    @Override
    public String name() {
        return "sessions";
    }

    @Override
    public List<?> collect(UUID accountId, UUID sessionId) {
        return sessions.all(accountId, sessionId);
    }

    @Override
    public void erase(UUID accountId) {
        sessions.erase(accountId);
    }
}
