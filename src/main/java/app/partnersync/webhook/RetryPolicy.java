package app.partnersync.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * When a failed delivery is tried again, when it is given up, and when a run of failures disables its webhook: the
 * retry settings of {@link WebhookConfig} as rules, with the time and the randomness passed in.
 */
record RetryPolicy(
        Duration firstRetry,
        Duration maxRetryGap,
        Duration giveUpAfter,
        int disableAfter,
        Duration disableAfterFailingFor) {

    static RetryPolicy of(WebhookConfig config) {
        return new RetryPolicy(
                config.firstRetry(),
                config.maxRetryGap(),
                config.giveUpAfter(),
                config.disableAfter(),
                config.disableAfterFailingFor());
    }

    /**
     * The wait before attempt {@code attempts + 1}: doubling from firstRetry, capped at maxRetryGap, then ±20% as
     * {@code random} (uniform in [0, 1)) draws, so that the retries of many deliveries that failed together (a
     * receiver's outage) do not all come back at once.
     */
    Duration backoff(int attempts, DoubleSupplier random) {
        long base = firstRetry.toMillis() << Math.min(Math.max(attempts - 1, 0), 30);
        long capped = Math.min(base, maxRetryGap.toMillis());
        double jitter = 0.8 + random.getAsDouble() * 0.4;
        return Duration.ofMillis((long) (capped * jitter));
    }

    /**
     * When to try again a delivery whose {@code attempts}-th attempt failed at {@code now}, for an event that occurred
     * at {@code occurredAt}; empty when that would be past giveUpAfter: the delivery has failed.
     */
    Optional<Instant> nextAttempt(int attempts, Instant occurredAt, Instant now, DoubleSupplier random) {
        Instant next = now.plus(backoff(attempts, random));
        return next.isAfter(occurredAt.plus(giveUpAfter)) ? Optional.empty() : Optional.of(next);
    }

    /**
     * Whether {@code failuresInARow} disable the webhook when the last of them, at {@code now}, was for an event that
     * occurred at {@code occurredAt}: only once that event has also waited disableAfterFailingFor, so that a receiver
     * down for a short while does not lose its webhook to the many events waiting for it.
     */
    boolean disables(int failuresInARow, Instant occurredAt, Instant now) {
        return failuresInARow >= disableAfter && !now.isBefore(occurredAt.plus(disableAfterFailingFor));
    }
}
