package app.partnersync.cadence;

import app.partnersync.common.IanaTimeZone;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Body of {@code PUT …/cadence}: the whole schedule, replacing the one before. */
public record CadenceInput(
        @NotNull @Size(min = 1, max = 64) @IanaTimeZone String timeZone,
        @Min(0) @Max(1440) Integer reminderMinutesBefore,
        @NotNull @Size(max = 4) List<@NotNull @Valid ScheduleJson> schedules) {

    static final int DEFAULT_REMINDER_MINUTES = 60;
}
