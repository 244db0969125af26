package app.partnersync.commitment;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** When a commitment repeats: a local wall-clock time in an IANA zone on a daily, weekly or monthly rhythm. */
public record Recurrence(
        Frequency frequency,
        int interval,
        List<DayOfWeek> daysOfWeek,
        Integer dayOfMonth,
        LocalTime time,
        String timeZone,
        LocalDate startsOn,
        LocalDate until) {

    /** How the recurrence counts its periods; lower-case because the constants are the JSON values. */
    public enum Frequency {
        daily,
        weekly,
        monthly
    }

    static final int MAX_INTERVAL = 52;

    /**
     * The longest window {@link #between} accepts. Callers ask for about 400 days; the cap exists only so that a
     * mistaken window (say from the epoch to now) fails loudly instead of building millions of instants.
     */
    static final Duration MAX_WINDOW = Duration.ofDays(3_660);

    /** The window {@link #next} searches at a time. */
    private static final Duration SEARCH_WINDOW = Duration.ofDays(400);

    /**
     * The widest gap between two occurrences, or between startsOn and the first one: 52 months plus a month's worth
     * of clamping. {@link #next} gives up only after searching this far past the first possible day.
     */
    private static final Duration MAX_GAP = Duration.ofDays((MAX_INTERVAL + 1) * 31L);

    // Four-digit years keep every date and instant computed here far from java.time's limits, so no arithmetic
    // below can overflow whatever instants a caller passes.
    private static final LocalDate EARLIEST_DATE = LocalDate.of(1, 1, 1);
    private static final LocalDate LATEST_DATE = LocalDate.of(9999, 12, 31);
    private static final Instant EARLIEST_INSTANT =
            EARLIEST_DATE.minusDays(2).atStartOfDay(ZoneOffset.UTC).toInstant();
    private static final Instant LATEST_INSTANT =
            LATEST_DATE.plusDays(2).atStartOfDay(ZoneOffset.UTC).toInstant();

    // getAvailableZoneIds() copies the set on every call.
    private static final Set<String> ZONES = Set.copyOf(ZoneId.getAvailableZoneIds());

    public Recurrence {
        // A copy rather than List.copyOf: a null element must reach problems(), not throw here.
        daysOfWeek = daysOfWeek == null ? null : Collections.unmodifiableList(new ArrayList<>(daysOfWeek));
    }

    /**
     * What is wrong with this recurrence, empty when it is valid. Each entry reads {@code "field: message"}, the field
     * being the JSON name, so a caller can split at the first {@code ": "}.
     */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (frequency == null) {
            problems.add("frequency: required, one of daily, weekly, monthly");
        }
        if (interval < 1 || interval > MAX_INTERVAL) {
            problems.add("interval: must be between 1 and " + MAX_INTERVAL);
        }
        boolean hasDays = daysOfWeek != null && !daysOfWeek.isEmpty();
        if (frequency == Frequency.weekly) {
            if (!hasDays) {
                problems.add("daysOfWeek: required for a weekly recurrence");
            } else if (daysOfWeek.contains(null)) {
                problems.add("daysOfWeek: must not contain null");
            } else if (EnumSet.copyOf(daysOfWeek).size() != daysOfWeek.size()) {
                problems.add("daysOfWeek: must not repeat a day");
            }
        } else if (frequency != null && hasDays) {
            problems.add("daysOfWeek: only for a weekly recurrence");
        }
        if (frequency == Frequency.monthly) {
            if (dayOfMonth == null) {
                problems.add("dayOfMonth: required for a monthly recurrence");
            } else if (dayOfMonth < 1 || dayOfMonth > 31) {
                problems.add("dayOfMonth: must be between 1 and 31 (31 means the last day of the month)");
            }
        } else if (frequency != null && dayOfMonth != null) {
            problems.add("dayOfMonth: only for a monthly recurrence");
        }
        if (time == null) {
            problems.add("time: required");
        }
        if (timeZone == null) {
            problems.add("timeZone: required");
        } else if (!ZONES.contains(timeZone)) {
            // Fixed offsets are not in the set, on purpose: they ignore daylight saving.
            problems.add("timeZone: must be an IANA zone such as Europe/Berlin");
        }
        if (startsOn == null) {
            problems.add("startsOn: required");
        } else if (!inSupportedRange(startsOn)) {
            problems.add("startsOn: must be between " + EARLIEST_DATE + " and " + LATEST_DATE);
        }
        if (until != null) {
            if (!inSupportedRange(until)) {
                problems.add("until: must be between " + EARLIEST_DATE + " and " + LATEST_DATE);
            } else if (startsOn != null && until.isBefore(startsOn)) {
                problems.add("until: must not be before startsOn");
            }
        }
        return List.copyOf(problems);
    }

    /**
     * The due instants in {@code [from, to)}, ascending. Each is {@code ZonedDateTime.of(date, time, zone)}, so the
     * local time stays put across daylight-saving changes and java.time's default resolution applies: a time inside
     * a spring-forward gap moves forward by the gap's length (02:30 becomes 03:30 in Europe/Berlin on 2026-03-29),
     * and a time inside an autumn overlap takes the earlier offset (the first of the two 02:30s).
     *
     * @throws IllegalStateException when {@link #problems()} is not empty
     * @throws IllegalArgumentException when the window is longer than {@link #MAX_WINDOW}
     */
    public List<Instant> between(Instant from, Instant to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        requireValid();
        if (Duration.between(from, to).compareTo(MAX_WINDOW) > 0) {
            throw new IllegalArgumentException(
                    "window longer than " + MAX_WINDOW.toDays() + " days: " + from + " to " + to);
        }
        Instant start = clamp(from);
        Instant end = clamp(to);
        if (!start.isBefore(end)) {
            return List.of();
        }
        ZoneId zone = ZoneId.of(timeZone);
        // A gap can move an occurrence onto the next local date, so the date that produced an instant is its own
        // local date or the day before.
        LocalDate first = later(startsOn, LocalDate.ofInstant(start, zone).minusDays(1));
        LocalDate last = LocalDate.ofInstant(end, zone);
        if (until != null && until.isBefore(last)) {
            last = until;
        }
        List<Instant> due = new ArrayList<>();
        for (LocalDate date : dates(first, last)) {
            Instant instant = ZonedDateTime.of(date, time, zone).toInstant();
            if (!instant.isBefore(start) && instant.isBefore(end)) {
                due.add(instant);
            }
        }
        // A zone that skips a whole day (Samoa on 2011-12-30) moves that day's occurrence onto the next one: sorting
        // and dropping the duplicate keep the result ascending and each instant due once.
        return due.stream().distinct().sorted().toList();
    }

    /** The first due instant strictly after {@code after}, empty when there is none (until has passed). */
    public Optional<Instant> next(Instant after) {
        Objects.requireNonNull(after, "after");
        requireValid();
        if (!after.isBefore(LATEST_INSTANT)) {
            return Optional.empty();
        }
        ZoneId zone = ZoneId.of(timeZone);
        Instant firstPossible = startsOn.minusDays(1).atStartOfDay(zone).toInstant();
        // Skip straight to startsOn when it lies far ahead, so the gap search below starts from a possible day.
        Instant windowStart = later(after.plusNanos(1), firstPossible);
        Instant giveUp = windowStart.plus(MAX_GAP).plus(SEARCH_WINDOW);
        Instant pastUntil = until == null
                ? LATEST_INSTANT
                : until.plusDays(2).atStartOfDay(zone).toInstant();
        while (windowStart.isBefore(giveUp) && windowStart.isBefore(pastUntil)) {
            Instant windowEnd = windowStart.plus(SEARCH_WINDOW);
            List<Instant> due = between(windowStart, windowEnd);
            if (!due.isEmpty()) {
                return Optional.of(due.get(0));
            }
            windowStart = windowEnd;
        }
        return Optional.empty();
    }

    /** The candidate local dates in {@code [first, last]}, before time and zone are applied; between() sorts. */
    private List<LocalDate> dates(LocalDate first, LocalDate last) {
        List<LocalDate> dates = new ArrayList<>();
        if (first.isAfter(last)) {
            return dates;
        }
        switch (frequency) {
            case daily -> {
                long periods = ceilDiv(ChronoUnit.DAYS.between(startsOn, first), interval);
                for (LocalDate date = startsOn.plusDays(periods * interval);
                        !date.isAfter(last);
                        date = date.plusDays(interval)) {
                    dates.add(date);
                }
            }
            case weekly -> {
                LocalDate firstMonday = startsOn.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                LocalDate mondayOfFirst = first.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                long periods = ceilDiv(ChronoUnit.WEEKS.between(firstMonday, mondayOfFirst), interval);
                for (LocalDate monday = firstMonday.plusWeeks(periods * interval);
                        !monday.isAfter(last);
                        monday = monday.plusWeeks(interval)) {
                    for (DayOfWeek day : daysOfWeek) {
                        LocalDate date = monday.plusDays(day.getValue() - 1L);
                        if (!date.isBefore(first) && !date.isAfter(last)) {
                            dates.add(date);
                        }
                    }
                }
            }
            case monthly -> {
                YearMonth firstMonth = YearMonth.from(startsOn);
                long periods = ceilDiv(ChronoUnit.MONTHS.between(firstMonth, YearMonth.from(first)), interval);
                for (YearMonth month = firstMonth.plusMonths(periods * interval);
                        !month.atDay(1).isAfter(last);
                        month = month.plusMonths(interval)) {
                    LocalDate date = month.atDay(Math.min(dayOfMonth, month.lengthOfMonth()));
                    if (!date.isBefore(first) && !date.isAfter(last)) {
                        dates.add(date);
                    }
                }
            }
        }
        return dates;
    }

    private void requireValid() {
        List<String> problems = problems();
        if (!problems.isEmpty()) {
            throw new IllegalStateException("invalid recurrence: " + String.join("; ", problems));
        }
    }

    private static boolean inSupportedRange(LocalDate date) {
        return !date.isBefore(EARLIEST_DATE) && !date.isAfter(LATEST_DATE);
    }

    private static Instant clamp(Instant instant) {
        return instant.isBefore(EARLIEST_INSTANT)
                ? EARLIEST_INSTANT
                : instant.isAfter(LATEST_INSTANT) ? LATEST_INSTANT : instant;
    }

    private static <T extends Comparable<? super T>> T later(T a, T b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** The number of whole periods needed to reach {@code amount}, never negative (Math.ceilDiv is Java 18). */
    private static long ceilDiv(long amount, long period) {
        return amount <= 0 ? 0 : -Math.floorDiv(-amount, period);
    }
}
