package app.partnersync.common;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Request limits per account and per client address ({@code partnersync.rate-limits.*}). Writes are throttled in each
 * instance's memory (a coarse guard, multiplied by the number of instances); sign-in, refresh and invitation attempts
 * are counted in PostgreSQL, so those hold across instances (decisions 005 and 011).
 */
@ConfigMapping(prefix = "partnersync.rate-limits")
public interface RateLimitConfig {

    /** Writes (POST, PUT, PATCH, DELETE under /v1 but login and refresh) one account may make per write window. */
    @WithDefault("300")
    int writesPerAccount();

    /** Writes one client address may make per write window, signed in or not (register counts here). */
    @WithDefault("1200")
    int writesPerIp();

    /** The window of the write limits; a bucket refills evenly over it. */
    @WithDefault("PT1M")
    Duration writeWindow();

    /** Login attempts for one email address per attempt window, whoever makes them. */
    @WithDefault("10")
    int loginsPerEmail();

    /** Login attempts from one client address per attempt window. */
    @WithDefault("100")
    int loginsPerIp();

    /** Refreshes of one account's sessions per attempt window. */
    @WithDefault("60")
    int refreshesPerAccount();

    /** Refresh attempts from one client address per attempt window, whether the token is known or not. */
    @WithDefault("600")
    int refreshesPerIp();

    /** Invitation previews and accepts from one client address per attempt window (per account: partnerships). */
    @WithDefault("300")
    int invitationAttemptsPerIp();

    /** The window of the login, refresh and invitation limits. */
    @WithDefault("PT15M")
    Duration attemptWindow();
}
