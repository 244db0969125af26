package app.partnersync.commitment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import app.partnersync.commitment.Recurrence.Frequency;
import app.partnersync.common.Problem;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A recurrence as the API writes it: defaults, the HH:mm time, and its problems as field errors. */
class RecurrenceJsonTest {

    private static final LocalDate START = LocalDate.parse("2026-12-01");

    @ParameterizedTest
    @CsvSource({
        "00:00, true",
        "09:05, true",
        "23:59, true",
        "24:00, false",
        "9:05, false",
        "09:60, false",
        "0905, false"
    })
    void theTimeIsReadOnlyAsTwoDigitHoursAndMinutes(String time, boolean read) {
        Recurrence parsed = daily(time, "UTC").toRecurrence("UTC");
        assertEquals(read ? LocalTime.parse(time) : null, parsed.time());
    }

    @Test
    void theIntervalDefaultsToOneAndTheZoneToTheFallback() {
        Recurrence parsed = daily("20:00", null).toRecurrence("Europe/Berlin");
        assertEquals(1, parsed.interval());
        assertEquals("Europe/Berlin", parsed.timeZone());
        assertEquals(
                "America/New_York",
                daily("20:00", "America/New_York").toRecurrence("UTC").timeZone());
    }

    @Test
    void itIsWrittenBackWithTheTimeAsHoursAndMinutesAndNoEmptyDays() {
        Recurrence stored = new Recurrence(
                Frequency.monthly, 2, List.of(), 31, LocalTime.of(7, 5), "UTC", START, START.plusYears(1));
        RecurrenceJson written = RecurrenceJson.of(stored);
        assertEquals("07:05", written.time());
        assertNull(written.daysOfWeek());
        assertEquals(31, written.dayOfMonth());
        assertEquals(START.plusYears(1), written.until());
        assertNull(RecurrenceJson.of(null));
    }

    @Test
    void aValidRecurrenceHasNoProblems() {
        RecurrenceJson json = daily("20:00", "UTC");
        assertEquals(List.of(), json.problems(json.toRecurrence("UTC")));
    }

    @Test
    void eachProblemIsAnErrorOfTheFieldItNames() {
        RecurrenceJson json = new RecurrenceJson(
                Frequency.weekly,
                60,
                List.of(DayOfWeek.MONDAY, DayOfWeek.MONDAY),
                null,
                "7pm",
                "Mars/Base",
                START,
                null);
        assertEquals(
                List.of(
                        new Problem.FieldError("recurrence.interval", "must be between 1 and 52"),
                        new Problem.FieldError("recurrence.daysOfWeek", "must not repeat a day"),
                        new Problem.FieldError("recurrence.time", "required"),
                        new Problem.FieldError("recurrence.timeZone", "must be an IANA zone such as Europe/Berlin"),
                        new Problem.FieldError("recurrence.time", "must be HH:mm")),
                json.problems(json.toRecurrence("UTC")));
    }

    @Test
    void aMissingTimeIsRequiredButNotMisspelled() {
        RecurrenceJson json = daily(null, "UTC");
        assertEquals(
                List.of(new Problem.FieldError("recurrence.time", "required")),
                json.problems(json.toRecurrence("UTC")));
    }

    private static RecurrenceJson daily(String time, String zone) {
        return new RecurrenceJson(Frequency.daily, null, null, null, time, zone, START, null);
    }
}
