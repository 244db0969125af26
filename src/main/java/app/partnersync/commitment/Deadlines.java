package app.partnersync.commitment;

import java.time.Duration;
import java.time.Instant;

/**
 * When an open occurrence counts as missed and when its reminder is due, said once: the rule in Java, and beside it
 * the native SQL conditions with which the sweeps claim rows (they claim in one UPDATE, so the rule must also be SQL).
 */
final class Deadlines {

    private Deadlines() {}

    /** Open occurrences due before this instant have had their {@code grace} at {@code now} and count as missed. */
    static Instant missedIfDueBefore(Instant now, Duration grace) {
        return now.minus(grace);
    }

    /** Whether an occurrence due at {@code dueAt}, still open at {@code now}, counts as missed. */
    static boolean isMissed(Instant dueAt, Instant now, Duration grace) {
        return dueAt.isBefore(missedIfDueBefore(now, grace));
    }

    /** When the reminder of an occurrence due at {@code dueAt} goes out, {@code minutesBefore} ahead of it. */
    static Instant remindAt(Instant dueAt, int minutesBefore) {
        return dueAt.minus(Duration.ofMinutes(minutesBefore));
    }

    /**
     * Whether the reminder of an open occurrence is due at {@code now}: its time has come and the occurrence is not due
     * yet (a reminder after the due time would be news of a miss). No reminder minutes, no reminder.
     */
    static boolean isReminderDue(Instant dueAt, Integer minutesBefore, Instant now) {
        return minutesBefore != null && !remindAt(dueAt, minutesBefore).isAfter(now) && dueAt.isAfter(now);
    }

    /** {@link #isMissed} as native SQL: the column {@code dueAt} against a parameter bound to the cutoff. */
    static String missedSql(String dueAt, String cutoff) {
        return dueAt + " < " + cutoff;
    }

    /** {@link #isReminderDue} as native SQL, for the columns {@code dueAt} and {@code minutesBefore}. */
    static String reminderDueSql(String dueAt, String minutesBefore, String now) {
        return minutesBefore + " is not null and " + dueAt + " - make_interval(mins => " + minutesBefore + ") <= " + now
                + " and " + dueAt + " > " + now;
    }
}
