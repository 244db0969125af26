package app.partnersync.account;

import java.util.UUID;

/** Fired inside the transaction that changed an account's public profile (display name, time zone). */
public record AccountProfileChanged(UUID accountId) {}
