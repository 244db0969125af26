package app.partnersync.integration;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.partnersync.common.Problem;
import app.partnersync.common.ProblemException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An integration token lives from now (exclusive) to at most 366 days ahead (inclusive). */
class TokenExpiryTest {

    private static final Instant NOW = Instant.parse("2027-01-01T00:00:00Z");

    private static void assertRefused(Instant expiresAt, String message) {
        ProblemException refusal =
                assertThrows(ProblemException.class, () -> IntegrationTokenService.requireExpiry(expiresAt, NOW));
        assertEquals(List.of(new Problem.FieldError("expiresAt", message)), refusal.errors());
    }

    @Test
    void anExpiryMustBeAfterNow() {
        assertRefused(NOW, "must be in the future");
        assertRefused(NOW.minusSeconds(1), "must be in the future");
        assertDoesNotThrow(() -> IntegrationTokenService.requireExpiry(NOW.plusMillis(1), NOW));
    }

    @Test
    void anExpiryMayBeAtMostAYearAndADayAhead() {
        Instant last = NOW.plus(Duration.ofDays(366));
        assertDoesNotThrow(() -> IntegrationTokenService.requireExpiry(last, NOW));
        assertRefused(last.plusMillis(1), "must be at most one year from now");
    }
}
