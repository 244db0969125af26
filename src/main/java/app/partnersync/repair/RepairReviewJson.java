package app.partnersync.repair;

import app.partnersync.cadence.CadenceService;
import app.partnersync.cadence.ScheduleJson;
import app.partnersync.common.IanaTimeZone;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.DayOfWeek;
import java.time.LocalTime;

/** A plan's weekly review as the API reads and writes it (the contract's {@code RepairReview}). */
public record RepairReviewJson(
        @NotNull DayOfWeek dayOfWeek,

        @NotNull @Pattern(regexp = ScheduleJson.TIME, message = "must be a local time HH:mm")
        String time,

        @NotNull @Size(min = 1, max = 64) @IanaTimeZone String timeZone,
        @Min(5) @Max(240) Integer durationMinutes,
        @Min(0) @Max(1440) Integer reminderMinutesBefore) {

    static final int DEFAULT_DURATION = 30;
    static final int DEFAULT_REMINDER = 60;

    CadenceService.Review toReview() {
        return new CadenceService.Review(
                dayOfWeek,
                LocalTime.parse(time),
                timeZone,
                durationMinutes == null ? DEFAULT_DURATION : durationMinutes,
                reminderMinutesBefore == null ? DEFAULT_REMINDER : reminderMinutesBefore);
    }

    static RepairReviewJson of(CadenceService.Review review) {
        return review == null
                ? null
                : new RepairReviewJson(
                        review.dayOfWeek(),
                        ScheduleJson.hhmm(review.time()),
                        review.timeZone(),
                        review.durationMinutes(),
                        review.reminderMinutes());
    }
}
