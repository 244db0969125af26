package app.partnersync.cadence;

import app.partnersync.common.IanaTimeZone;
import app.partnersync.common.ProblemException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.DayOfWeek;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Body of {@code PUT …/cadence}: the whole schedule, replacing the one before. */
public record CadenceInput(
        @NotNull @Size(min = 1, max = 64) @IanaTimeZone String timeZone,
        @Min(0) @Max(1440) Integer reminderMinutesBefore,
        @NotNull @Size(max = 4) List<@NotNull @Valid ScheduleJson> schedules) {

    static final int DEFAULT_REMINDER_MINUTES = 60;

    /** The values of {@code weekOfMonth}: the first to the fourth such day of the month, or -1 for the last. */
    private static final Set<Integer> WEEKS_OF_MONTH = Set.of(-1, 1, 2, 3, 4);

    /**
     * Refuses (400 naming the schedule's field) what bean validation cannot see: a monthly schedule needs a {@code
     * weekOfMonth} of 1 to 4 or -1, a weekly one has none, and no schedule is listed twice (the same kind, day, week
     * and time, whatever its duration).
     */
    void requireConsistentSchedules() {
        Set<Slot> seen = new HashSet<>();
        for (int i = 0; i < schedules.size(); i++) {
            ScheduleJson s = schedules.get(i);
            String at = "schedules[" + i + "]";
            if (s.kind() == ScheduleJson.Kind.monthly) {
                if (s.weekOfMonth() == null) {
                    throw ProblemException.invalidField(
                            at + ".weekOfMonth", "is required for a monthly schedule: 1 to 4, or -1 for the last");
                }
                if (!WEEKS_OF_MONTH.contains(s.weekOfMonth())) {
                    throw ProblemException.invalidField(at + ".weekOfMonth", "must be 1, 2, 3, 4 or -1 (the last)");
                }
            } else if (s.weekOfMonth() != null) {
                throw ProblemException.invalidField(at + ".weekOfMonth", "only for a monthly schedule");
            }
            if (!seen.add(new Slot(s.kind(), s.dayOfWeek(), s.weekOfMonth(), s.time()))) {
                throw ProblemException.invalidField(at, "the same schedule is listed twice");
            }
        }
    }

    /** What makes two schedules the same one. */
    private record Slot(ScheduleJson.Kind kind, DayOfWeek dayOfWeek, Integer weekOfMonth, String time) {}
}
