package app.partnersync.auth;

/** How many sessions "sign out other devices" ended. */
public record RevokedSessions(int revoked) {}
