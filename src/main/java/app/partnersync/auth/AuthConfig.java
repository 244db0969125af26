package app.partnersync.auth;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of sign-in and sessions ({@code partnersync.auth.*}). */
@ConfigMapping(prefix = "partnersync.auth")
public interface AuthConfig {

    /** Issuer ({@code iss}) written into access tokens and required of every token presented. */
    String issuer();

    /** Audience ({@code aud}) written into access tokens and required of every token presented. */
    String audience();

    /** Lifetime of an access token; at most the 15 minutes that {@code smallrye.jwt.time-to-live} enforces. */
    @WithDefault("PT15M")
    Duration accessTokenLifetime();

    /** How long a session stays usable without a refresh; every refresh extends it by this much. */
    @WithDefault("P30D")
    Duration refreshTokenLifetime();

    /**
     * How many verified access tokens each instance remembers (about 3 KB each), so that the next request with the
     * same token skips the signature check; 0 switches the cache off.
     */
    @WithDefault("5000")
    int verifiedTokenCacheSize();

    /** bcrypt cost factor of password hashes (10 is about 90 ms on one core here). */
    @WithDefault("10")
    int bcryptCost();
}
