package app.partnersync.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The write throttle's buckets ({@link WriteThrottle}): a window's quota at once, refilled evenly over the window on
 * the service's clock; the quota reported and the Retry-After of a refused write, in whole seconds rounded up.
 */
class WriteThrottleRulesTest {

    /** A clock that stands still until moved. */
    private static final class ManualClock extends Clock {

        private Instant now = Instant.parse("2030-05-01T10:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    private final ManualClock clock = new ManualClock();
    private final Bucket bucket = WriteThrottle.bucket(3, Duration.ofMinutes(1), new WriteThrottle.ClockTime(clock));

    @Test
    void aClientMayBurstAWholeWindowsQuotaThenIsRefused() {
        for (long remaining = 2; remaining >= 0; remaining--) {
            ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
            assertTrue(probe.isConsumed());
            assertEquals(remaining, probe.getRemainingTokens());
        }
        ConsumptionProbe refused = bucket.tryConsumeAndReturnRemaining(1);
        assertFalse(refused.isConsumed());
        assertEquals(0, refused.getRemainingTokens());
    }

    @Test
    void aRefusedWriteIsToldToWaitForOneTokenToComeBack() {
        bucket.tryConsumeAndReturnRemaining(3);
        ConsumptionProbe refused = bucket.tryConsumeAndReturnRemaining(1);
        assertEquals(20, WriteThrottle.retryAfterSeconds(refused));
        assertEquals(
                new RequestQuotas.Quota("writes-ip", 3, Duration.ofMinutes(1), 0, 60),
                WriteThrottle.quota("writes-ip", 3, Duration.ofMinutes(1), refused));

        clock.advance(Duration.ofSeconds(19));
        assertEquals(1, WriteThrottle.retryAfterSeconds(bucket.tryConsumeAndReturnRemaining(1)));
        clock.advance(Duration.ofSeconds(1));
        assertTrue(bucket.tryConsumeAndReturnRemaining(1).isConsumed(), "refilled on the service's clock");
    }

    @Test
    void theQuotaReportsTheTimeUntilTheBucketIsFullAgain() {
        bucket.tryConsumeAndReturnRemaining(1);
        clock.advance(Duration.ofSeconds(5));
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        // One token was spent 5 s ago (a quarter refilled), another now: 1.75 tokens short, 35 s at 20 s a token.
        assertEquals(
                new RequestQuotas.Quota("writes-account", 3, Duration.ofMinutes(1), 1, 35),
                WriteThrottle.quota("writes-account", 3, Duration.ofMinutes(1), probe));
    }

    @Test
    void aRefusedWriteWaitsAtLeastOneSecond() {
        assertEquals(1, WriteThrottle.retryAfterSeconds(ConsumptionProbe.rejected(0, 0, 0)));
    }

    @ParameterizedTest
    @CsvSource({"0, 0", "1, 1", "999999999, 1", "1000000000, 1", "1000000001, 2", "59500000000, 60"})
    void partialSecondsRoundUp(long nanos, long seconds) {
        assertEquals(seconds, WriteThrottle.ceilSeconds(nanos));
    }
}
