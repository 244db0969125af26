package app.partnersync.commitment;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Where a goal ({@link GoalTarget}) stands in its window containing now (the contract's {@code GoalProgress}):
 * computed without a database from the window and the times its kept occurrences were recorded.
 *
 * @param windowStart start of the window, midnight in the promiser's zone
 * @param windowEnd end of the window (exclusive): {@code windowDays} local days later
 * @param keptSoFar undisputed kept occurrences due in the window
 * @param remaining how many more are needed, never below zero
 * @param onTrack kept so far is at least the target's pro-rata share of the elapsed part of the window, in whole
 *     occurrences (rounded down)
 * @param achievedAt when the occurrence that met the target was recorded; null while it is not met
 */
public record GoalProgress(
        Instant windowStart,
        Instant windowEnd,
        int keptSoFar,
        int target,
        int remaining,
        boolean onTrack,
        Instant achievedAt) {

    /** A window of local days [start, end) in one zone, as instants. */
    public record Window(Instant start, Instant end) {

        boolean contains(Instant at) {
            return !at.isBefore(start) && at.isBefore(end);
        }
    }

    /**
     * The window of {@code windowDays} local days containing {@code now}: windows follow one another from {@code
     * anchor} (the commitment's first day), each from midnight to midnight in {@code zone}, so a window across a
     * daylight-saving change is an hour shorter or longer. Before the anchor, the first window.
     */
    static Window window(LocalDate anchor, int windowDays, ZoneId zone, Instant now) {
        LocalDate today = now.atZone(zone).toLocalDate();
        long elapsedDays = Math.max(0, ChronoUnit.DAYS.between(anchor, today));
        LocalDate start = anchor.plusDays(elapsedDays / windowDays * windowDays);
        return new Window(
                start.atStartOfDay(zone).toInstant(),
                start.plusDays(windowDays).atStartOfDay(zone).toInstant());
    }

    /**
     * The progress of a goal of {@code target} kept occurrences in {@code window}, at {@code now}; {@code keptAt}:
     * when each undisputed kept occurrence due in the window was recorded, in any order.
     */
    static GoalProgress of(Window window, int target, List<Instant> keptAt, Instant now) {
        List<Instant> ordered = keptAt.stream().sorted().toList();
        int kept = ordered.size();
        Instant achievedAt = kept >= target ? ordered.get(target - 1) : null;
        long length = Duration.between(window.start(), window.end()).toMillis();
        long elapsed = Math.min(
                length, Math.max(0, Duration.between(window.start(), now).toMillis()));
        // Whole occurrences: a goal just begun is on track with none kept yet, not behind by a fraction of one.
        boolean onTrack = kept >= (long) target * elapsed / length;
        return new GoalProgress(
                window.start(), window.end(), kept, target, Math.max(0, target - kept), onTrack, achievedAt);
    }
}
