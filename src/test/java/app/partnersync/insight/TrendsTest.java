package app.partnersync.insight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import app.partnersync.common.EnumParameters;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The overview's trend: the last 28 days against the 28 before them, by steps of 0.05. */
class TrendsTest {

    @ParameterizedTest
    @CsvSource({
        // recent kept, missed; previous kept, missed; direction
        "9, 1, 8, 2, rising",
        "8, 2, 9, 1, falling",
        "17, 3, 16, 4, rising", // 0.85 against 0.80: exactly one step
        "16, 4, 17, 3, falling",
        "33, 7, 16, 4, steady", // 0.825 against 0.80: half a step
        "3, 0, 3, 0, steady",
        "3, 0, 0, 3, rising",
        "0, 3, 3, 0, falling"
    })
    void aChangeOfAtLeastOneStepIsARiseOrAFall(
            int recentKept, int recentMissed, int previousKept, int previousMissed, TrustOverview.Direction direction) {
        assertEquals(
                direction,
                Trends.of(recentKept, recentMissed, previousKept, previousMissed)
                        .direction());
    }

    @ParameterizedTest
    @CsvSource({"2, 0, 0, 3", "0, 2, 3, 0", "3, 0, 2, 0", "0, 0, 10, 10", "1, 1, 0, 0"})
    void tooFewDecidedInEitherPeriodIsSteady(int recentKept, int recentMissed, int previousKept, int previousMissed) {
        assertEquals(
                TrustOverview.Direction.steady,
                Trends.of(recentKept, recentMissed, previousKept, previousMissed)
                        .direction());
    }

    @Test
    void theTrendCarriesBothRatesAndHowManyWereDecided() {
        TrustOverview.Trend trend = Trends.of(3, 1, 1, 1);
        assertEquals(0.75, trend.recentRate(), 1e-12);
        assertEquals(0.5, trend.previousRate(), 1e-12);
        assertEquals(4, trend.recentDecided());
        assertEquals(2, trend.previousDecided());
    }

    @Test
    void aPeriodWithNothingDecidedHasNoRate() {
        TrustOverview.Trend trend = Trends.of(0, 0, 5, 0);
        assertNull(trend.recentRate());
        assertEquals(1.0, trend.previousRate(), 1e-12);
        assertEquals(TrustOverview.Direction.steady, trend.direction());
    }

    @Test
    void thePeriodsAreTheLast28DaysAndThe28BeforeThem() {
        Instant now = Instant.parse("2026-12-14T09:00:00Z");
        assertEquals(Instant.parse("2026-11-16T09:00:00Z"), Trends.recentFrom(now));
        assertEquals(Instant.parse("2026-10-19T09:00:00Z"), Trends.previousFrom(now));
    }

    @ParameterizedTest
    @CsvSource({"days30, 30d, 30", "days90, 90d, 90", "days180, 180d, 180", "days365, 365d, 365"})
    void eachOverviewWindowIsSpelledAsTheContractSays(TrustOverview.Window window, String spelling, int days) {
        assertEquals(spelling, EnumParameters.spelling(window));
        assertEquals(Duration.ofDays(days), window.length());
    }

    @Test
    void theOverviewLooksNinetyDaysBackByDefault() {
        assertEquals(TrustOverview.Window.days90, TrustOverview.Window.DEFAULT);
    }
}
