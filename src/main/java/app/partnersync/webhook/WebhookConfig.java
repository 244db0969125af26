package app.partnersync.webhook;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of webhooks and their deliveries ({@code partnersync.webhooks.*}). */
@ConfigMapping(prefix = "partnersync.webhooks")
public interface WebhookConfig {

    /** Allow targets on loopback addresses (and plain http to them): for tests and local development only. */
    @WithDefault("false")
    boolean allowLoopback();

    /** How long one delivery attempt may take: connecting, sending and the answer. */
    @WithDefault("PT10S")
    Duration timeout();

    /** The wait before the first retry; each later one doubles it, with jitter. */
    @WithDefault("PT10S")
    Duration firstRetry();

    /** The longest wait between two attempts. */
    @WithDefault("PT6H")
    Duration maxRetryGap();

    /** After this long since the event, a delivery that has not succeeded is given up ({@code failed}). */
    @WithDefault("P3D")
    Duration giveUpAfter();

    /**
     * This many failed attempts in a row (any deliveries) disable the webhook, once the event of the last one has also
     * waited {@link #disableAfterFailingFor()}.
     */
    @WithDefault("10")
    int disableAfter();

    /**
     * How long an event must have waited undelivered before a run of failures disables its webhook. A receiver that
     * is down for a few minutes (a deploy, a restart) fails many attempts in a row when many events wait for it; it
     * must get them all once it is back, not find its webhook disabled.
     */
    @WithDefault("PT1H")
    Duration disableAfterFailingFor();

    /** At most this much of an answer is read. */
    @WithDefault("4096")
    int maxResponseBytes();

    /** Deliveries one sweep claims at most. */
    @WithDefault("20")
    int batch();

    /** How long a claimed delivery stays with its instance before another may take it over (a crash mid-send). */
    @WithDefault("PT1M")
    Duration lease();
}
