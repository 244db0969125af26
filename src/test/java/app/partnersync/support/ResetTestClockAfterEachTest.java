package app.partnersync.support;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/** The clock a test moved is back at real time when the next test starts. */
@QuarkusTest
@ExtendWith(ResetTestClockAfterEach.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ResetTestClockAfterEachTest {

    @Inject
    TestClock clock;

    @Test
    @Order(1)
    void aTestMovesTheClockAYearAhead() {
        clock.advance(Duration.ofDays(365));
        assertTrue(clock.instant().isAfter(Instant.now().plus(Duration.ofDays(364))));
    }

    @Test
    @Order(2)
    void theNextTestFindsItAtRealTimeAgain() {
        Duration drift = Duration.between(Instant.now(), clock.instant()).abs();
        assertTrue(drift.compareTo(Duration.ofMinutes(1)) < 0, "off real time by " + drift);
    }
}
