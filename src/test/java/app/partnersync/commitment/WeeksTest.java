package app.partnersync.commitment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Monday-to-Sunday weeks in a member's own zone. */
class WeeksTest {

    @ParameterizedTest
    @CsvSource({
        "2026-12-07T12:00:00Z, UTC, 2026-12-07",
        "2026-12-13T23:59:59Z, UTC, 2026-12-07",
        "2026-12-13T23:30:00Z, Asia/Tokyo, 2026-12-14",
        "2026-12-14T03:00:00Z, America/Los_Angeles, 2026-12-07",
        "2027-01-01T00:00:00Z, UTC, 2026-12-28"
    })
    void theWeekStartsOnTheMondayOfTheMembersOwnZone(Instant instant, String zone, LocalDate monday) {
        assertEquals(monday, Weeks.mondayOf(instant, ZoneId.of(zone)));
    }

    @Test
    void everyWeekTouchingTheWindowIsListedOldestFirst() {
        // Wednesday 2026-11-18 to Monday 2026-12-14: the partial first and last weeks count.
        assertEquals(
                List.of(
                        LocalDate.parse("2026-11-16"),
                        LocalDate.parse("2026-11-23"),
                        LocalDate.parse("2026-11-30"),
                        LocalDate.parse("2026-12-07"),
                        LocalDate.parse("2026-12-14")),
                Weeks.overlapping(
                        Instant.parse("2026-11-18T09:00:00Z"),
                        Instant.parse("2026-12-14T09:00:00Z"),
                        ZoneId.of("UTC")));
    }

    @Test
    void theWindowsEndIsReadInTheMembersZone() {
        Instant tuesday = Instant.parse("2026-12-08T00:00:00Z");
        // 23:00 UTC on Sunday is already Monday in Berlin, and still Sunday in London.
        Instant sundayNight = Instant.parse("2026-12-13T23:00:00Z");
        assertEquals(
                List.of(LocalDate.parse("2026-12-07")),
                Weeks.overlapping(tuesday, sundayNight, ZoneId.of("Europe/London")));
        assertEquals(
                List.of(LocalDate.parse("2026-12-07"), LocalDate.parse("2026-12-14")),
                Weeks.overlapping(tuesday, sundayNight, ZoneId.of("Europe/Berlin")));
    }
}
