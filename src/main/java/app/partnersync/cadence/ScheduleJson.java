package app.partnersync.cadence;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.DayOfWeek;

/** One weekly or monthly schedule of a cadence as the API reads and writes it (the contract's CheckInSchedule). */
public record ScheduleJson(
        @NotNull Kind kind,
        @NotNull DayOfWeek dayOfWeek,
        Integer weekOfMonth,

        @NotNull @Pattern(regexp = ScheduleJson.TIME, message = "must be a local time HH:mm")
        String time,

        @Min(5) @Max(240) Integer durationMinutes) {

    static final String TIME = "([01][0-9]|2[0-3]):[0-5][0-9]";
    static final int DEFAULT_DURATION = 15;

    /** Which check-in kind a schedule brings; lower-case because the constants are the JSON values. */
    public enum Kind {
        weekly,
        monthly
    }

    static ScheduleJson of(CheckInSchedule schedule) {
        return new ScheduleJson(
                Kind.valueOf(schedule.kind),
                DayOfWeek.of(schedule.dayOfWeek),
                schedule.weekOfMonth == null ? null : schedule.weekOfMonth.intValue(),
                hhmm(schedule.localTime),
                schedule.durationMinutes);
    }

    static String hhmm(java.time.LocalTime time) {
        return String.format("%02d:%02d", time.getHour(), time.getMinute());
    }
}
