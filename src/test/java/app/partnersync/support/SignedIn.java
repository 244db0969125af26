package app.partnersync.support;

import java.util.UUID;

/** An account created through the API for one test, with the tokens of its session. */
public record SignedIn(UUID accountId, String email, String password, String accessToken, String refreshToken) {

    public SignedIn withTokens(String access, String refresh) {
        return new SignedIn(accountId, email, password, access, refresh);
    }
}
