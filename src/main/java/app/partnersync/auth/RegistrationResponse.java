package app.partnersync.auth;

import app.partnersync.account.AccountView;

/** Answer to a sign-up: the new account and the first session's tokens. */
public record RegistrationResponse(AccountView account, TokenPair tokens) {}
