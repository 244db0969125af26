package app.partnersync.integration;

import app.partnersync.accountdata.AccountDataSection;
import jakarta.inject.Singleton;

/** Integration tokens in the export (never a secret: none is kept); deleted with the account. */
@Singleton
public class IntegrationTokenAccountData extends AccountDataSection {

    public IntegrationTokenAccountData(IntegrationTokenService tokens) {
        super("integrationTokens", (account, session) -> tokens.all(account), tokens::erase);
    }
}
