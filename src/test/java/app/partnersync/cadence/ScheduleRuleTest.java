package app.partnersync.cadence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Scheduled check-in starts: local time kept across daylight saving, n-th and last weekdays of a month. */
class ScheduleRuleTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static ScheduleRule weekly(DayOfWeek day, String time) {
        return new ScheduleRule(day, null, LocalTime.parse(time), BERLIN, Duration.ofMinutes(15));
    }

    private static ScheduleRule monthly(int week, DayOfWeek day, String time) {
        return new ScheduleRule(day, week, LocalTime.parse(time), BERLIN, Duration.ofMinutes(45));
    }

    @Test
    void sundayAtSevenStaysAtSevenLocalWhenBerlinSpringsForwardAndFallsBack() {
        ScheduleRule rule = weekly(DayOfWeek.SUNDAY, "19:00");
        assertEquals(
                List.of(
                        Instant.parse("2027-03-21T18:00:00Z"), // CET, UTC+1
                        Instant.parse("2027-03-28T17:00:00Z")), // CEST, UTC+2, the day the clocks change
                rule.startsBetween(Instant.parse("2027-03-15T00:00:00Z"), Instant.parse("2027-03-29T00:00:00Z")));
        assertEquals(
                List.of(Instant.parse("2027-10-24T17:00:00Z"), Instant.parse("2027-10-31T18:00:00Z")),
                rule.startsBetween(Instant.parse("2027-10-20T00:00:00Z"), Instant.parse("2027-11-01T00:00:00Z")));
    }

    @Test
    void aTimeInsideTheSpringGapMovesForwardByTheGap() {
        // 02:30 does not exist in Berlin on 2027-03-28: it becomes 03:30 CEST.
        assertEquals(
                List.of(Instant.parse("2027-03-28T01:30:00Z")),
                weekly(DayOfWeek.SUNDAY, "02:30")
                        .startsBetween(Instant.parse("2027-03-27T00:00:00Z"), Instant.parse("2027-03-29T00:00:00Z")));
    }

    @Test
    void firstAndLastSaturdaysOfTheMonth() {
        Instant from = Instant.parse("2027-01-01T00:00:00Z");
        Instant to = Instant.parse("2027-04-01T00:00:00Z");
        assertEquals(
                List.of(
                        Instant.parse("2027-01-02T09:00:00Z"),
                        Instant.parse("2027-02-06T09:00:00Z"),
                        Instant.parse("2027-03-06T09:00:00Z")),
                monthly(1, DayOfWeek.SATURDAY, "10:00").startsBetween(from, to));
        assertEquals(
                List.of(
                        Instant.parse("2027-01-30T09:00:00Z"),
                        Instant.parse("2027-02-27T09:00:00Z"),
                        Instant.parse("2027-03-27T09:00:00Z")),
                monthly(-1, DayOfWeek.SATURDAY, "10:00").startsBetween(from, to));
    }

    @Test
    void nextAfterIsStrictlyLaterAndStartsAtRecognisesOnlyRealStarts() {
        ScheduleRule rule = weekly(DayOfWeek.SUNDAY, "19:00");
        Instant start = Instant.parse("2027-03-21T18:00:00Z");
        assertEquals(start, rule.nextAfter(start.minusSeconds(1)).orElseThrow());
        assertEquals(
                Instant.parse("2027-03-28T17:00:00Z"), rule.nextAfter(start).orElseThrow());
        assertTrue(rule.startsAt(start));
        assertFalse(rule.startsAt(start.plusSeconds(60)));
        assertFalse(rule.startsAt(Instant.parse("2027-03-22T18:00:00Z")));
    }

    @Test
    void aWindowEndIsExclusiveAndItsStartInclusive() {
        ScheduleRule rule = weekly(DayOfWeek.SUNDAY, "19:00");
        Instant start = Instant.parse("2027-03-21T18:00:00Z");
        assertEquals(List.of(start), rule.startsBetween(start, start.plusSeconds(1)));
        assertEquals(List.of(), rule.startsBetween(start.minusSeconds(60), start));
    }
}
