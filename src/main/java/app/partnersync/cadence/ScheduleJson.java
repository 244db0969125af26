package app.partnersync.cadence;

import app.partnersync.checkin.CheckIn;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.DayOfWeek;
import java.time.LocalTime;

/** One weekly or monthly schedule of a cadence as the API reads and writes it (the contract's CheckInSchedule). */
public record ScheduleJson(
        @NotNull Kind kind,
        @NotNull DayOfWeek dayOfWeek,
        Integer weekOfMonth,

        @NotNull @Pattern(regexp = ScheduleJson.TIME, message = "must be a local time HH:mm")
        String time,

        @Min(5) @Max(240) Integer durationMinutes) {

    /** A local time as the API reads it, {@code HH:mm} (bean validation patterns need it as a constant). */
    public static final String TIME = "([01][0-9]|2[0-3]):[0-5][0-9]";

    static final int DEFAULT_DURATION = 15;

    /**
     * Which check-in kind a cadence schedule brings (the contract's {@code CheckInScheduleKind}): the {@link
     * CheckIn.Kind}s a member can schedule, so that a cadence refuses {@code repair} and {@code ad_hoc}.
     */
    public enum Kind {
        weekly(CheckIn.Kind.weekly),
        monthly(CheckIn.Kind.monthly);

        private final CheckIn.Kind checkInKind;

        Kind(CheckIn.Kind checkInKind) {
            this.checkInKind = checkInKind;
        }

        /** The kind of the check-ins this schedule brings. */
        CheckIn.Kind checkInKind() {
            return checkInKind;
        }

        /** The schedule kind of a cadence schedule's check-in kind ({@code repair} belongs to repair plans). */
        static Kind of(CheckIn.Kind checkInKind) {
            for (Kind kind : values()) {
                if (kind.checkInKind == checkInKind) {
                    return kind;
                }
            }
            throw new IllegalArgumentException("not a cadence schedule's kind: " + checkInKind);
        }
    }

    static ScheduleJson of(CheckInSchedule schedule) {
        return new ScheduleJson(
                Kind.of(schedule.kind),
                DayOfWeek.of(schedule.dayOfWeek),
                schedule.weekOfMonth == null ? null : schedule.weekOfMonth.intValue(),
                hhmm(schedule.localTime),
                schedule.durationMinutes);
    }

    /** A local time as the API writes it, {@code HH:mm}. */
    public static String hhmm(LocalTime time) {
        return String.format("%02d:%02d", time.getHour(), time.getMinute());
    }
}
