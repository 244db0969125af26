package app.partnersync.cadence;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * When a scheduled check-in starts: weekly on a day, or monthly on the n-th (or last) such day, at a local time in an
 * IANA zone. Each start is {@code ZonedDateTime.of(date, time, zone)}, so the local time stays put across
 * daylight-saving changes: a time in a spring-forward gap moves forward by the gap, one in an autumn overlap is the
 * first of the two (java.time's default resolution, as for commitment recurrences).
 *
 * @param weekOfMonth 1 to 4, or -1 for the last; null for a weekly rule
 */
public record ScheduleRule(DayOfWeek dayOfWeek, Integer weekOfMonth, LocalTime time, ZoneId zone, Duration duration) {

    /** Starts are searched this far ahead at most: a monthly rule has one at least every five weeks. */
    private static final Duration HORIZON = Duration.ofDays(400);

    public boolean monthly() {
        return weekOfMonth != null;
    }

    /** The starts in {@code [from, to)}, ascending. */
    public List<Instant> startsBetween(Instant from, Instant to) {
        List<Instant> starts = new ArrayList<>();
        LocalDate first = from.atZone(zone).toLocalDate().minusDays(1);
        LocalDate last = to.atZone(zone).toLocalDate().plusDays(1);
        if (monthly()) {
            for (YearMonth month = YearMonth.from(first); !month.atDay(1).isAfter(last); month = month.plusMonths(1)) {
                add(starts, dayIn(month), from, to);
            }
        } else {
            for (LocalDate day = first.with(TemporalAdjusters.nextOrSame(dayOfWeek));
                    !day.isAfter(last);
                    day = day.plusWeeks(1)) {
                add(starts, day, from, to);
            }
        }
        return starts;
    }

    /** The first start strictly after {@code after}. */
    public Optional<Instant> nextAfter(Instant after) {
        Instant from = after.plusNanos(1);
        Instant to = from.plus(Duration.ofDays(40));
        while (!to.isAfter(after.plus(HORIZON))) {
            List<Instant> starts = startsBetween(from, to);
            if (!starts.isEmpty()) {
                return Optional.of(starts.get(0));
            }
            from = to;
            to = to.plus(Duration.ofDays(40));
        }
        return Optional.empty();
    }

    /** Whether {@code instant} is exactly one of the starts. */
    public boolean startsAt(Instant instant) {
        return startsBetween(instant, instant.plusSeconds(1)).contains(instant);
    }

    private LocalDate dayIn(YearMonth month) {
        return weekOfMonth == -1
                ? month.atEndOfMonth().with(TemporalAdjusters.previousOrSame(dayOfWeek))
                : month.atDay(1).with(TemporalAdjusters.dayOfWeekInMonth(weekOfMonth, dayOfWeek));
    }

    private void add(List<Instant> starts, LocalDate day, Instant from, Instant to) {
        Instant start = ZonedDateTime.of(day, time, zone).toInstant();
        if (!start.isBefore(from) && start.isBefore(to)) {
            starts.add(start);
        }
    }
}
