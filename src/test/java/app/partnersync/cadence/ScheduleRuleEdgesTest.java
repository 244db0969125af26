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

/**
 * Edges of scheduled starts that {@link ScheduleRuleTest} leaves out: the autumn overlap, the fourth and last
 * weekday of a short month, and monthly starts found one after another.
 */
class ScheduleRuleEdgesTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static ScheduleRule rule(Integer week, DayOfWeek day, String time) {
        return new ScheduleRule(day, week, LocalTime.parse(time), BERLIN, Duration.ofMinutes(30));
    }

    @Test
    void aTimeInsideTheAutumnOverlapIsTheFirstOfTheTwo() {
        // 02:30 happens twice in Berlin on 2027-10-31: first in CEST (00:30Z), then in CET (01:30Z).
        assertEquals(
                List.of(Instant.parse("2027-10-31T00:30:00Z")),
                rule(null, DayOfWeek.SUNDAY, "02:30")
                        .startsBetween(Instant.parse("2027-10-30T00:00:00Z"), Instant.parse("2027-11-01T00:00:00Z")));
    }

    @Test
    void theFourthAndTheLastSundayOfFebruaryDifferOnlyWhenItHasFive() {
        Instant from = Instant.parse("2027-02-01T00:00:00Z");
        Instant to = Instant.parse("2027-03-01T00:00:00Z");
        // February 2027 has four Sundays, the last on the 28th: the fourth is the last.
        assertEquals(
                List.of(Instant.parse("2027-02-28T09:00:00Z")),
                rule(4, DayOfWeek.SUNDAY, "10:00").startsBetween(from, to));
        assertEquals(
                List.of(Instant.parse("2027-02-28T09:00:00Z")),
                rule(-1, DayOfWeek.SUNDAY, "10:00").startsBetween(from, to));
        // It has four Mondays too, from the 1st: the fourth is the 22nd, the last the 22nd as well.
        assertEquals(
                List.of(Instant.parse("2027-02-22T09:00:00Z")),
                rule(-1, DayOfWeek.MONDAY, "10:00").startsBetween(from, to));
        // March 2027 has five Wednesdays: the fourth (24th) and the last (31st) differ.
        Instant march = Instant.parse("2027-03-01T00:00:00Z");
        Instant april = Instant.parse("2027-04-01T00:00:00Z");
        assertEquals(
                List.of(Instant.parse("2027-03-24T09:00:00Z")),
                rule(4, DayOfWeek.WEDNESDAY, "10:00").startsBetween(march, april));
        assertEquals(
                List.of(Instant.parse("2027-03-31T08:00:00Z")),
                rule(-1, DayOfWeek.WEDNESDAY, "10:00").startsBetween(march, april));
    }

    @Test
    void theNextMonthlyStartIsInTheFollowingMonth() {
        ScheduleRule lastSaturday = rule(-1, DayOfWeek.SATURDAY, "10:00");
        Instant january = Instant.parse("2027-01-30T09:00:00Z");
        assertTrue(lastSaturday.startsAt(january));
        assertFalse(lastSaturday.startsAt(Instant.parse("2027-01-23T09:00:00Z")));
        assertEquals(
                Instant.parse("2027-02-27T09:00:00Z"),
                lastSaturday.nextAfter(january).orElseThrow());
        assertEquals(
                january,
                lastSaturday.nextAfter(Instant.parse("2027-01-01T00:00:00Z")).orElseThrow());
    }
}
