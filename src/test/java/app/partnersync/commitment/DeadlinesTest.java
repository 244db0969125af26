package app.partnersync.commitment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** When an open occurrence counts as missed, and when its reminder is due. */
class DeadlinesTest {

    private static final Instant DUE = Instant.parse("2026-12-01T18:00:00Z");
    private static final Duration GRACE = Duration.ofHours(2);

    @Test
    void theMissCutoffIsTheGraceBeforeNow() {
        assertEquals(
                Instant.parse("2026-12-01T16:00:00Z"),
                Deadlines.missedIfDueBefore(Instant.parse("2026-12-01T18:00:00Z"), GRACE));
        assertEquals(
                Instant.parse("2026-11-30T23:30:00Z"),
                Deadlines.missedIfDueBefore(Instant.parse("2026-12-01T00:00:00Z"), Duration.ofMinutes(30)));
    }

    @ParameterizedTest
    @CsvSource({"-60, false", "0, false", "119, false", "120, false", "121, true", "10000, true"})
    void anOpenOccurrenceIsMissedOnlyOnceItsGraceHasFullyPassed(long minutesAfterDue, boolean missed) {
        assertEquals(missed, Deadlines.isMissed(DUE, DUE.plus(Duration.ofMinutes(minutesAfterDue)), GRACE));
    }

    @Test
    void withoutGraceAnOccurrenceIsMissedTheInstantAfterItsDueTime() {
        assertFalse(Deadlines.isMissed(DUE, DUE, Duration.ZERO));
        assertEquals(true, Deadlines.isMissed(DUE, DUE.plusNanos(1), Duration.ZERO));
    }

    @ParameterizedTest
    @CsvSource({
        "60, 2026-12-01T17:00:00Z",
        "0, 2026-12-01T18:00:00Z",
        "1440, 2026-11-30T18:00:00Z",
        "10080, 2026-11-24T18:00:00Z"
    })
    void theReminderGoesOutItsMinutesBeforeTheDueTime(int minutes, Instant expected) {
        assertEquals(expected, Deadlines.remindAt(DUE, minutes));
    }

    @ParameterizedTest
    @CsvSource({
        // minutes before due at which "now" is, reminder minutes, due?
        "61, 60, false",
        "60, 60, true",
        "1, 60, true",
        "0, 60, false",
        "-5, 60, false",
        "0, 0, false",
        "10080, 10080, true"
    })
    void aReminderIsDueFromItsTimeUntilTheDueTime(long minutesBeforeDue, int reminderMinutes, boolean due) {
        Instant now = DUE.minus(Duration.ofMinutes(minutesBeforeDue));
        assertEquals(due, Deadlines.isReminderDue(DUE, reminderMinutes, now));
    }

    @Test
    void noReminderMinutesNoReminder() {
        assertFalse(Deadlines.isReminderDue(DUE, null, DUE.minusSeconds(1)));
    }

    @Test
    void theSqlConditionsSayTheSameComparisons() {
        assertEquals("o.due_at < ?2", Deadlines.missedSql("o.due_at", "?2"));
        assertEquals(
                "c.m is not null and o.due_at - make_interval(mins => c.m) <= ?1 and o.due_at > ?1",
                Deadlines.reminderDueSql("o.due_at", "c.m", "?1"));
    }
}
