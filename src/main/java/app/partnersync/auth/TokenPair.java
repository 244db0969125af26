package app.partnersync.auth;

/** What sign-up, login and refresh hand out: a short-lived access JWT and the next single-use refresh token. */
public record TokenPair(String accessToken, String refreshToken, String tokenType, int expiresIn) {

    @Override
    public String toString() {
        return "TokenPair[redacted]";
    }
}
