package app.partnersync.auth;

import jakarta.enterprise.context.RequestScoped;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who is calling: the account and session of the verified access token of the current request. */
@RequestScoped
public class Caller {

    private final JsonWebToken token;

    public Caller(JsonWebToken token) {
        this.token = token;
    }

    public UUID accountId() {
        return UUID.fromString(token.getSubject());
    }

    /** When the access token expires; a live stream ends then. */
    public java.time.Instant expiresAt() {
        return java.time.Instant.ofEpochSecond(token.getExpirationTime());
    }

    public UUID sessionId() {
        return UUID.fromString(token.getClaim(AccessTokens.SESSION_CLAIM));
    }
}
