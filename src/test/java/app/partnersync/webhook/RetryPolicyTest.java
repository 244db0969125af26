package app.partnersync.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Webhook retries: exponential backoff with a cap and ±20% jitter, giving up, and disabling after a lasting run. */
class RetryPolicyTest {

    /** The defaults of {@link WebhookConfig}. */
    private static final RetryPolicy POLICY =
            new RetryPolicy(Duration.ofSeconds(10), Duration.ofHours(6), Duration.ofDays(3), 10, Duration.ofHours(1));

    /** A draw of 0.5: the jitter factor is exactly 1. */
    private static final DoubleSupplier MIDDLE = () -> 0.5;

    private static final Instant NOW = Instant.parse("2030-05-01T12:00:00Z");

    @ParameterizedTest
    @CsvSource({"0, PT10S", "1, PT10S", "2, PT20S", "3, PT40S", "4, PT80S", "12, PT5H41M20S"})
    void theWaitDoublesFromTheFirstRetry(int attempts, Duration expected) {
        assertEquals(expected, POLICY.backoff(attempts, MIDDLE));
    }

    @Test
    void theWaitIsCappedAtTheLongestGapEvenAfterVeryManyAttempts() {
        assertEquals(Duration.ofHours(6), POLICY.backoff(13, MIDDLE));
        assertEquals(Duration.ofHours(6), POLICY.backoff(40, MIDDLE));
        assertEquals(Duration.ofHours(6), POLICY.backoff(Integer.MAX_VALUE, MIDDLE));
    }

    @ParameterizedTest
    @CsvSource({"0.0, 8000", "0.25, 9000", "0.75, 11000", "0.999999, 11999"})
    void theJitterSpreadsTheWaitByTwentyPercentEitherWay(double draw, long millis) {
        assertEquals(Duration.ofMillis(millis), POLICY.backoff(1, () -> draw));
    }

    @Test
    void theJitterAppliesAfterTheCap() {
        assertEquals(Duration.ofHours(6).multipliedBy(8).dividedBy(10), POLICY.backoff(30, () -> 0.0));
    }

    @Test
    void aFailedDeliveryIsTriedAgainAfterTheBackoff() {
        Instant occurredAt = NOW.minus(Duration.ofMinutes(5));
        assertEquals(Optional.of(NOW.plusSeconds(40)), POLICY.nextAttempt(3, occurredAt, NOW, MIDDLE));
    }

    @Test
    void aDeliveryIsGivenUpWhenItsNextAttemptWouldComePastGiveUpAfter() {
        Instant lastChance = NOW.plusSeconds(10).minus(Duration.ofDays(3));
        assertEquals(Optional.of(NOW.plusSeconds(10)), POLICY.nextAttempt(1, lastChance, NOW, MIDDLE));
        assertEquals(Optional.empty(), POLICY.nextAttempt(1, lastChance.minusMillis(1), NOW, MIDDLE));
    }

    @Test
    void aLongRunOfFailuresDisablesTheWebhookOnlyOnceItsEventHasWaitedLongEnough() {
        Instant anHourAgo = NOW.minus(Duration.ofHours(1));
        assertTrue(POLICY.disables(10, anHourAgo, NOW));
        assertTrue(POLICY.disables(25, NOW.minus(Duration.ofDays(1)), NOW));
        assertFalse(POLICY.disables(10, anHourAgo.plusSeconds(1), NOW), "a receiver down for minutes keeps it");
        assertFalse(POLICY.disables(9, NOW.minus(Duration.ofDays(1)), NOW), "too few failures in a row");
    }
}
