package app.partnersync.commitment;

import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.DayOfWeek.THURSDAY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.partnersync.commitment.Recurrence.Frequency;
import java.lang.reflect.RecordComponent;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Occurrences of a recurrence: wall-clock time across daylight saving, periods, clamping, bounds and validation. */
class RecurrenceTest {

    private static final String BERLIN = "Europe/Berlin";
    private static final String NEW_YORK = "America/New_York";

    @Test
    void weeklySundayEveningStaysAtSevenLocalAcrossBerlinDaylightSaving() {
        Recurrence checkIn = weekly(1, List.of(SUNDAY), "19:00", BERLIN, "2026-01-01");

        assertEquals(
                instants("2026-03-22T18:00:00Z", "2026-03-29T17:00:00Z"),
                checkIn.between(at("2026-03-20T00:00:00Z"), at("2026-04-01T00:00:00Z")));
        assertEquals(
                instants("2026-10-18T17:00:00Z", "2026-10-25T18:00:00Z"),
                checkIn.between(at("2026-10-15T00:00:00Z"), at("2026-10-28T00:00:00Z")));
        assertEveryOccurrenceIsSundayAtSevenLocal(checkIn, BERLIN);
    }

    @Test
    void weeklySundayEveningStaysAtSevenLocalAcrossNewYorkDaylightSaving() {
        Recurrence checkIn = weekly(1, List.of(SUNDAY), "19:00", NEW_YORK, "2026-01-01");

        // 19:00 EST is midnight UTC of the next day; 19:00 EDT is 23:00 UTC the same day.
        assertEquals(
                instants("2026-03-02T00:00:00Z", "2026-03-08T23:00:00Z"),
                checkIn.between(at("2026-02-28T00:00:00Z"), at("2026-03-10T00:00:00Z")));
        assertEquals(
                instants("2026-10-25T23:00:00Z", "2026-11-02T00:00:00Z"),
                checkIn.between(at("2026-10-24T00:00:00Z"), at("2026-11-04T00:00:00Z")));
        assertEveryOccurrenceIsSundayAtSevenLocal(checkIn, NEW_YORK);
    }

    @Test
    void dailyEveryTwoDaysCrossesAMonthBoundary() {
        Recurrence bins = daily(2, "08:00", BERLIN, "2026-01-28");

        assertEquals(
                instants(
                        "2026-01-28T07:00:00Z", "2026-01-30T07:00:00Z", "2026-02-01T07:00:00Z", "2026-02-03T07:00:00Z"),
                bins.between(at("2026-01-27T00:00:00Z"), at("2026-02-04T00:00:00Z")));
    }

    @Test
    void dailyKeepsItsPhaseWhenStartsOnIsYearsBeforeTheWindow() {
        LocalDate startsOn = LocalDate.parse("2021-03-01");
        Recurrence bins = daily(2, "08:00", BERLIN, startsOn.toString());

        List<Instant> due = bins.between(at("2026-06-10T00:00:00Z"), at("2026-06-20T00:00:00Z"));

        // 2021-03-01 to 2026-06-10 is 1927 days, an odd number, so the 10th is off and the 11th is on.
        LocalDate firstDate = LocalDate.ofInstant(due.get(0), ZoneId.of(BERLIN));
        assertEquals(LocalDate.parse("2026-06-11"), firstDate);
        assertEquals(0, ChronoUnit.DAYS.between(startsOn, firstDate) % 2);
        assertEquals(
                instants(
                        "2026-06-11T06:00:00Z",
                        "2026-06-13T06:00:00Z",
                        "2026-06-15T06:00:00Z",
                        "2026-06-17T06:00:00Z",
                        "2026-06-19T06:00:00Z"),
                due);
    }

    @Test
    void weeklyEveryOtherWeekSkipsDaysBeforeStartsOnAndTheOffWeeks() {
        // Starts on Wednesday 2026-01-07: that week's Monday (the 5th) is before startsOn; the week of the 12th is off.
        Recurrence chores = weekly(2, List.of(THURSDAY, MONDAY), "18:30", BERLIN, "2026-01-07");

        assertEquals(
                instants(
                        "2026-01-08T17:30:00Z",
                        "2026-01-19T17:30:00Z",
                        "2026-01-22T17:30:00Z",
                        "2026-02-02T17:30:00Z",
                        "2026-02-05T17:30:00Z"),
                chores.between(at("2026-01-01T00:00:00Z"), at("2026-02-09T00:00:00Z")));
    }

    @Test
    void monthlyOnTheThirtyFirstFallsOnTheLastDayOfShorterMonths() {
        Recurrence rent = monthly(1, 31, "09:00", "UTC", "2026-01-01");

        assertEquals(
                instants(
                        "2026-01-31T09:00:00Z",
                        "2026-02-28T09:00:00Z",
                        "2026-03-31T09:00:00Z",
                        "2026-04-30T09:00:00Z",
                        "2026-05-31T09:00:00Z"),
                rent.between(at("2026-01-01T00:00:00Z"), at("2026-06-01T00:00:00Z")));
        assertEquals(
                instants("2028-02-29T09:00:00Z"), rent.between(at("2028-02-01T00:00:00Z"), at("2028-03-01T00:00:00Z")));
    }

    @Test
    void monthlyEveryThreeMonthsCountsFromTheMonthOfStartsOn() {
        // January's 15th is before startsOn, so the first occurrence is three months later.
        Recurrence review = monthly(3, 15, "12:00", "UTC", "2026-01-20");

        assertEquals(
                instants(
                        "2026-04-15T12:00:00Z", "2026-07-15T12:00:00Z", "2026-10-15T12:00:00Z", "2027-01-15T12:00:00Z"),
                review.between(at("2026-01-01T00:00:00Z"), at("2027-02-01T00:00:00Z")));
    }

    @Test
    void untilIsInclusive() {
        Recurrence walk = withUntil(daily(1, "07:00", "UTC", "2026-03-01"), "2026-03-03");

        assertEquals(
                instants("2026-03-01T07:00:00Z", "2026-03-02T07:00:00Z", "2026-03-03T07:00:00Z"),
                walk.between(at("2026-02-01T00:00:00Z"), at("2026-04-01T00:00:00Z")));
    }

    @Test
    void untilHoldsWhenTheWindowEndsTheDayAfter() {
        Recurrence walk = withUntil(daily(1, "07:00", "UTC", "2026-03-01"), "2026-03-03");

        assertEquals(
                instants("2026-03-03T07:00:00Z"), walk.between(at("2026-03-03T00:00:00Z"), at("2026-03-04T12:00:00Z")));
    }

    @Test
    void aSkippedDayMovesItsOccurrenceToTheNextDayOnce() {
        // Samoa skipped 2011-12-30 (a Friday) when it moved from UTC-10 to UTC+14: 10:00 that day became 10:00 on the
        // 31st, whose own 10:00 is the same instant.
        String apia = "Pacific/Apia";
        Recurrence fridays = weekly(1, List.of(DayOfWeek.FRIDAY), "10:00", apia, "2011-12-01");
        Recurrence daily = daily(1, "10:00", apia, "2011-12-01");

        assertEquals(
                instants("2011-12-30T20:00:00Z"),
                fridays.between(at("2011-12-30T10:00:00Z"), at("2012-01-05T00:00:00Z")));
        assertEquals(
                instants("2011-12-29T20:00:00Z", "2011-12-30T20:00:00Z", "2011-12-31T20:00:00Z"),
                daily.between(at("2011-12-29T00:00:00Z"), at("2012-01-01T00:00:00Z")));
    }

    @Test
    void theWindowIncludesFromAndExcludesTo() {
        Recurrence walk = daily(1, "07:00", "UTC", "2026-03-01");

        assertEquals(
                instants("2026-03-02T07:00:00Z", "2026-03-03T07:00:00Z"),
                walk.between(at("2026-03-02T07:00:00Z"), at("2026-03-04T07:00:00Z")));
        assertEquals(List.of(), walk.between(at("2026-03-04T07:00:00Z"), at("2026-03-04T07:00:00Z")));
        assertEquals(List.of(), walk.between(at("2026-03-05T00:00:00Z"), at("2026-03-04T00:00:00Z")));
    }

    @Test
    void aTimeInTheSpringForwardGapMovesForwardByTheGap() {
        Recurrence late = daily(1, "02:30", BERLIN, "2026-03-28");

        List<Instant> due = late.between(at("2026-03-29T00:00:00Z"), at("2026-03-29T12:00:00Z"));

        assertEquals(instants("2026-03-29T01:30:00Z"), due);
        assertEquals(
                LocalTime.parse("03:30"), due.get(0).atZone(ZoneId.of(BERLIN)).toLocalTime());
    }

    @Test
    void aTimeInTheAutumnOverlapTakesTheEarlierOffset() {
        Recurrence late = daily(1, "02:30", BERLIN, "2026-10-24");

        // 02:30 happens twice on 2026-10-25: first at +02:00 (00:30Z), then at +01:00 (01:30Z).
        assertEquals(
                instants("2026-10-25T00:30:00Z"), late.between(at("2026-10-25T00:00:00Z"), at("2026-10-25T12:00:00Z")));
    }

    @Test
    void nextIsStrictlyAfterAndEmptyOnceUntilHasPassed() {
        Recurrence walk = withUntil(daily(1, "07:00", "UTC", "2026-03-01"), "2026-03-05");

        assertEquals(Optional.of(at("2026-03-01T07:00:00Z")), walk.next(at("2020-01-01T00:00:00Z")));
        assertEquals(Optional.of(at("2026-03-05T07:00:00Z")), walk.next(at("2026-03-04T07:00:00Z")));
        assertEquals(Optional.empty(), walk.next(at("2026-03-05T07:00:00Z")));
        assertEquals(Optional.empty(), walk.next(at("2027-01-01T00:00:00Z")));
    }

    @Test
    void nextFindsOccurrencesAcrossLongGaps() {
        // Every 52 months on the last day: after 2026-03-31 comes 2030-07-31, more than four years later.
        Recurrence rare = monthly(52, 31, "10:00", "UTC", "2026-03-01");
        assertEquals(Optional.of(at("2026-03-31T10:00:00Z")), rare.next(at("2026-03-01T00:00:00Z")));
        assertEquals(Optional.of(at("2030-07-31T10:00:00Z")), rare.next(at("2026-03-31T10:00:00Z")));

        // A start decades away is reached directly, not by walking windows towards it.
        Recurrence future = daily(1, "08:00", "UTC", "2060-06-01");
        assertEquals(Optional.of(at("2060-06-01T08:00:00Z")), future.next(at("2026-01-01T00:00:00Z")));
    }

    @Test
    void aValidRecurrenceHasNoProblems() {
        assertEquals(List.of(), daily(1, "08:00", BERLIN, "2026-01-01").problems());
        assertEquals(
                List.of(),
                weekly(52, List.of(MONDAY, SUNDAY), "19:00", NEW_YORK, "2026-01-01")
                        .problems());
        assertEquals(
                List.of(),
                withUntil(monthly(3, 31, "09:00", "UTC", "2026-01-01"), "2026-01-01")
                        .problems());
    }

    @Test
    void intervalMustBeBetweenOneAndFiftyTwo() {
        assertEquals(
                List.of("interval: must be between 1 and 52"),
                daily(0, "08:00", BERLIN, "2026-01-01").problems());
        assertEquals(
                List.of("interval: must be between 1 and 52"),
                daily(53, "08:00", BERLIN, "2026-01-01").problems());
    }

    @Test
    void weeklyNeedsDistinctDaysOfWeek() {
        assertEquals(
                List.of("daysOfWeek: required for a weekly recurrence"),
                weekly(1, null, "19:00", BERLIN, "2026-01-01").problems());
        assertEquals(
                List.of("daysOfWeek: required for a weekly recurrence"),
                weekly(1, List.of(), "19:00", BERLIN, "2026-01-01").problems());
        assertEquals(
                List.of("daysOfWeek: must not repeat a day"),
                weekly(1, List.of(MONDAY, SUNDAY, MONDAY), "19:00", BERLIN, "2026-01-01")
                        .problems());
        assertEquals(
                List.of("daysOfWeek: must not contain null"),
                weekly(1, Arrays.asList(MONDAY, null), "19:00", BERLIN, "2026-01-01")
                        .problems());
    }

    @Test
    void daysOfWeekAreOnlyForWeekly() {
        Recurrence recurrence = new Recurrence(
                Frequency.daily,
                1,
                List.of(MONDAY),
                null,
                LocalTime.parse("08:00"),
                BERLIN,
                LocalDate.parse("2026-01-01"),
                null);

        assertEquals(List.of("daysOfWeek: only for a weekly recurrence"), recurrence.problems());
    }

    @Test
    void dayOfMonthIsRequiredForMonthlyAndOnlyForMonthly() {
        assertEquals(
                List.of("dayOfMonth: required for a monthly recurrence"),
                monthly(1, null, "09:00", "UTC", "2026-01-01").problems());
        assertEquals(
                List.of("dayOfMonth: must be between 1 and 31 (31 means the last day of the month)"),
                monthly(1, 0, "09:00", "UTC", "2026-01-01").problems());
        assertEquals(
                List.of("dayOfMonth: must be between 1 and 31 (31 means the last day of the month)"),
                monthly(1, 32, "09:00", "UTC", "2026-01-01").problems());
        Recurrence daily = new Recurrence(
                Frequency.daily, 1, null, 15, LocalTime.parse("08:00"), BERLIN, LocalDate.parse("2026-01-01"), null);
        assertEquals(List.of("dayOfMonth: only for a monthly recurrence"), daily.problems());
    }

    @Test
    void untilMustNotBeBeforeStartsOn() {
        assertEquals(
                List.of("until: must not be before startsOn"),
                withUntil(daily(1, "08:00", BERLIN, "2026-01-02"), "2026-01-01").problems());
    }

    @Test
    void timeZoneMustBeAnIanaRegion() {
        for (String zone : List.of("+02:00", "UTC+2", "Mars/Olympus_Mons", "europe/berlin ")) {
            assertEquals(
                    List.of("timeZone: must be an IANA zone such as Europe/Berlin"),
                    daily(1, "08:00", zone, "2026-01-01").problems(),
                    zone);
        }
        assertEquals(
                List.of("timeZone: required"),
                daily(1, "08:00", null, "2026-01-01").problems());
    }

    @Test
    void frequencyTimeAndStartsOnAreRequired() {
        assertEquals(
                List.of("frequency: required, one of daily, weekly, monthly"),
                new Recurrence(
                                null,
                                1,
                                null,
                                null,
                                LocalTime.parse("08:00"),
                                BERLIN,
                                LocalDate.parse("2026-01-01"),
                                null)
                        .problems());
        assertEquals(
                List.of("time: required"), daily(1, null, BERLIN, "2026-01-01").problems());
        assertEquals(
                List.of("startsOn: required"), daily(1, "08:00", BERLIN, null).problems());
    }

    @Test
    void datesBeyondFourDigitYearsAreRefused() {
        assertEquals(
                List.of("startsOn: must be between 0001-01-01 and 9999-12-31"),
                new Recurrence(Frequency.daily, 1, null, null, LocalTime.parse("08:00"), BERLIN, LocalDate.MIN, null)
                        .problems());
        assertEquals(
                List.of("until: must be between 0001-01-01 and 9999-12-31"),
                new Recurrence(
                                Frequency.daily,
                                1,
                                null,
                                null,
                                LocalTime.parse("08:00"),
                                BERLIN,
                                LocalDate.parse("2026-01-01"),
                                LocalDate.MAX)
                        .problems());
    }

    @Test
    void everyProblemStartsWithTheFieldItConcerns() {
        Set<String> fields = Stream.of(Recurrence.class.getRecordComponents())
                .map(RecordComponent::getName)
                .collect(Collectors.toSet());
        List<String> problems = new Recurrence(null, 0, null, null, null, "+02:00", null, null).problems();

        assertEquals(5, problems.size(), problems.toString());
        for (String problem : problems) {
            String field = problem.substring(0, problem.indexOf(": "));
            assertTrue(fields.contains(field), problem);
        }
    }

    @Test
    void anInvalidRecurrenceOrAnOverlongWindowIsRefused() {
        Recurrence invalid = daily(0, "08:00", BERLIN, "2026-01-01");
        assertThrows(
                IllegalStateException.class,
                () -> invalid.between(at("2026-01-01T00:00:00Z"), at("2026-02-01T00:00:00Z")));
        assertThrows(IllegalStateException.class, () -> invalid.next(at("2026-01-01T00:00:00Z")));

        Recurrence valid = daily(1, "08:00", BERLIN, "2026-01-01");
        assertThrows(IllegalArgumentException.class, () -> valid.between(Instant.MIN, Instant.MAX));
    }

    @Test
    void extremeInstantsNeitherThrowNorLoop() {
        Recurrence walk = daily(1, "07:00", "UTC", "2026-03-01");

        assertEquals(List.of(), walk.between(Instant.MIN, Instant.MIN.plusSeconds(1)));
        assertEquals(List.of(), walk.between(Instant.MAX.minusSeconds(1), Instant.MAX));
        assertEquals(Optional.empty(), walk.next(Instant.MAX));
        assertEquals(Optional.of(at("2026-03-01T07:00:00Z")), walk.next(Instant.MIN));
    }

    private static void assertEveryOccurrenceIsSundayAtSevenLocal(Recurrence recurrence, String zone) {
        List<Instant> due = recurrence.between(at("2026-01-01T00:00:00Z"), at("2027-01-01T00:00:00Z"));

        assertEquals(52, due.size());
        for (Instant instant : due) {
            ZonedDateTime local = instant.atZone(ZoneId.of(zone));
            assertEquals(SUNDAY, local.getDayOfWeek(), local.toString());
            assertEquals(LocalTime.parse("19:00"), local.toLocalTime(), local.toString());
        }
    }

    private static Recurrence daily(int interval, String time, String zone, String startsOn) {
        return of(Frequency.daily, interval, null, null, time, zone, startsOn);
    }

    private static Recurrence weekly(int interval, List<DayOfWeek> days, String time, String zone, String startsOn) {
        return of(Frequency.weekly, interval, days, null, time, zone, startsOn);
    }

    private static Recurrence monthly(int interval, Integer dayOfMonth, String time, String zone, String startsOn) {
        return of(Frequency.monthly, interval, null, dayOfMonth, time, zone, startsOn);
    }

    private static Recurrence of(
            Frequency frequency,
            int interval,
            List<DayOfWeek> days,
            Integer dayOfMonth,
            String time,
            String zone,
            String startsOn) {
        return new Recurrence(
                frequency,
                interval,
                days,
                dayOfMonth,
                time == null ? null : LocalTime.parse(time),
                zone,
                startsOn == null ? null : LocalDate.parse(startsOn),
                null);
    }

    private static Recurrence withUntil(Recurrence recurrence, String until) {
        return new Recurrence(
                recurrence.frequency(),
                recurrence.interval(),
                recurrence.daysOfWeek(),
                recurrence.dayOfMonth(),
                recurrence.time(),
                recurrence.timeZone(),
                recurrence.startsOn(),
                LocalDate.parse(until));
    }

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }

    private static List<Instant> instants(String... instants) {
        return Stream.of(instants).map(Instant::parse).toList();
    }
}
