package app.partnersync.auth;

import app.partnersync.identity.Caller;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/** Signs the short-lived RS256 access tokens that every API call presents. */
@ApplicationScoped
public class AccessTokens {

    private final AuthConfig config;

    public AccessTokens(AuthConfig config) {
        this.config = config;
    }

    /**
     * A token pair. Its {@code iat} and {@code exp} are read from the system clock, not the service's {@code Clock}:
     * SmallRye JWT (jose4j) checks {@code exp} against the system clock and cannot be given another, so a token timed
     * by a clock that differs (a test's, moved to another day) would be refused as expired or as issued later.
     */
    TokenPair pair(UUID accountId, UUID sessionId, Instant sessionStart, String refreshToken) {
        Instant now = Instant.now();
        String access = Jwt.issuer(config.issuer())
                .audience(config.audience())
                .subject(accountId.toString())
                .claim(Caller.SESSION_CLAIM, sessionId.toString())
                .claim(Caller.SESSION_START_CLAIM, sessionStart.getEpochSecond())
                .claim("jti", UUID.randomUUID().toString())
                .issuedAt(now)
                .expiresAt(now.plus(config.accessTokenLifetime()))
                .jws()
                .algorithm(io.smallrye.jwt.algorithm.SignatureAlgorithm.RS256)
                .sign();
        return new TokenPair(
                access,
                refreshToken,
                "Bearer",
                Math.toIntExact(config.accessTokenLifetime().toSeconds()));
    }
}
