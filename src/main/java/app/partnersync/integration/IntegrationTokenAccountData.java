package app.partnersync.integration;

import app.partnersync.accountdata.AccountErasure;
import app.partnersync.accountdata.ExportSection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** Integration tokens in the export (never a secret: none is kept); deleted with the account. */
@ApplicationScoped
public class IntegrationTokenAccountData implements ExportSection, AccountErasure {

    private final IntegrationTokenService tokens;

    public IntegrationTokenAccountData(IntegrationTokenService tokens) {
        this.tokens = tokens;
    }

    @Override
    public String name() {
        return "integrationTokens";
    }

    @Override
    public List<?> collect(UUID accountId, UUID sessionId) {
        return tokens.all(accountId);
    }

    @Override
    public void erase(UUID accountId) {
        IntegrationToken.delete("accountId", accountId);
    }
}
