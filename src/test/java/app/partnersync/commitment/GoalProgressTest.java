package app.partnersync.commitment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Goal windows and progress, without a database: zones, daylight saving, window edges, pace. */
class GoalProgressTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Test
    void theWindowHoldingNowIsAlignedToTheFirstDayAtMidnightInTheZone() {
        // Day 10 of a 7-day goal that began on 1 December: the second window, 8-15 December, Berlin midnights.
        GoalProgress.Window window =
                GoalProgress.window(LocalDate.parse("2026-12-01"), 7, BERLIN, Instant.parse("2026-12-10T12:00:00Z"));

        assertEquals(Instant.parse("2026-12-07T23:00:00Z"), window.start());
        assertEquals(Instant.parse("2026-12-14T23:00:00Z"), window.end());
    }

    @Test
    void theLocalDateDecidesTheWindowNotTheUtcOne() {
        // 23:30 UTC on 7 December is already 8 December in Berlin (a new window) but still the 7th in New York.
        Instant now = Instant.parse("2026-12-07T23:30:00Z");
        LocalDate first = LocalDate.parse("2026-12-01");

        assertEquals(
                Instant.parse("2026-12-07T23:00:00Z"),
                GoalProgress.window(first, 7, BERLIN, now).start());
        assertEquals(
                Instant.parse("2026-12-01T05:00:00Z"),
                GoalProgress.window(first, 7, NEW_YORK, now).start());
    }

    @Test
    void windowEdgesBelongToTheLaterWindow() {
        LocalDate first = LocalDate.parse("2026-12-01");
        Instant edge = Instant.parse("2026-12-08T00:00:00Z");

        assertEquals(edge, GoalProgress.window(first, 7, ZoneOffset.UTC, edge).start());
        assertEquals(
                Instant.parse("2026-12-01T00:00:00Z"),
                GoalProgress.window(first, 7, ZoneOffset.UTC, edge.minusNanos(1))
                        .start());
        assertTrue(GoalProgress.window(first, 7, ZoneOffset.UTC, edge).contains(edge));
        assertFalse(GoalProgress.window(first, 7, ZoneOffset.UTC, edge.minusNanos(1))
                .contains(edge));
    }

    @Test
    void beforeTheFirstDayTheWindowIsTheFirstOne() {
        GoalProgress.Window window = GoalProgress.window(
                LocalDate.parse("2027-01-01"), 30, ZoneOffset.UTC, Instant.parse("2026-12-20T10:00:00Z"));

        assertEquals(Instant.parse("2027-01-01T00:00:00Z"), window.start());
        assertEquals(Instant.parse("2027-01-31T00:00:00Z"), window.end());
    }

    @Test
    void aWindowAcrossADaylightSavingChangeIsAnHourShorter() {
        // Berlin moves to summer time on 29 March 2026: that week has 167 hours.
        GoalProgress.Window window =
                GoalProgress.window(LocalDate.parse("2026-03-23"), 7, BERLIN, Instant.parse("2026-03-27T12:00:00Z"));

        assertEquals(Instant.parse("2026-03-22T23:00:00Z"), window.start());
        assertEquals(Instant.parse("2026-03-29T22:00:00Z"), window.end());
        assertEquals(Duration.ofHours(167), Duration.between(window.start(), window.end()));
    }

    @Test
    void progressCountsWhatIsKeptAndWhatRemains() {
        GoalProgress.Window window = utcWindow();
        Instant now = Instant.parse("2026-12-02T00:00:00Z");

        GoalProgress progress = GoalProgress.of(window, 3, List.of(Instant.parse("2026-12-01T09:00:00Z")), now);

        assertEquals(window.start(), progress.windowStart());
        assertEquals(window.end(), progress.windowEnd());
        assertEquals(1, progress.keptSoFar());
        assertEquals(3, progress.target());
        assertEquals(2, progress.remaining());
        assertNull(progress.achievedAt());
    }

    @Test
    void achievedAtIsWhenTheKeptOccurrenceThatMetTheTargetWasRecorded() {
        Instant first = Instant.parse("2026-12-01T09:00:00Z");
        Instant second = Instant.parse("2026-12-02T09:00:00Z");
        Instant third = Instant.parse("2026-12-03T09:00:00Z");

        // In any order, and past the target: still the second one recorded.
        GoalProgress progress =
                GoalProgress.of(utcWindow(), 2, List.of(third, first, second), Instant.parse("2026-12-04T00:00:00Z"));

        assertEquals(second, progress.achievedAt());
        assertEquals(3, progress.keptSoFar());
        assertEquals(0, progress.remaining(), "never below zero");
        assertTrue(progress.onTrack());
    }

    @Test
    void onTrackMeansAtLeastTheWholeShareOfTheElapsedWindow() {
        GoalProgress.Window window = utcWindow(); // 1-8 December, 7 days; target 7 is one a day
        Instant dayOne = Instant.parse("2026-12-01T12:00:00Z");
        Instant halfway = Instant.parse("2026-12-04T12:00:00Z");

        assertTrue(GoalProgress.of(window, 7, List.of(), dayOne).onTrack(), "half a day in, none is due yet");
        assertFalse(GoalProgress.of(window, 7, kept(2), halfway).onTrack(), "3.5 days in, 3 are due");
        assertTrue(GoalProgress.of(window, 7, kept(3), halfway).onTrack());
        assertTrue(GoalProgress.of(window, 7, List.of(), window.start()).onTrack(), "at the start nothing is due");
        assertFalse(GoalProgress.of(window, 7, kept(6), window.end()).onTrack(), "at the end all 7 are due");
        assertFalse(
                GoalProgress.of(window, 7, kept(6), window.end().plusSeconds(3600))
                        .onTrack(),
                "the elapsed part never exceeds the window");
    }

    private static GoalProgress.Window utcWindow() {
        return GoalProgress.window(
                LocalDate.parse("2026-12-01"), 7, ZoneOffset.UTC, Instant.parse("2026-12-01T00:00:00Z"));
    }

    private static List<Instant> kept(int n) {
        return java.util.stream.IntStream.range(0, n)
                .mapToObj(i -> Instant.parse("2026-12-01T09:00:00Z").plusSeconds(i))
                .toList();
    }
}
