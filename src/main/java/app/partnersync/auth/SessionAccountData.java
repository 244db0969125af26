package app.partnersync.auth;

import app.partnersync.accountdata.AccountDataSection;
import jakarta.inject.Singleton;

/** The account's active sessions (never their secrets) in its export; on deletion every session is removed. */
@Singleton
public class SessionAccountData extends AccountDataSection {

    public SessionAccountData(SessionService sessions) {
        super("sessions", sessions::all, sessions::erase);
    }
}
