package app.partnersync.commitment;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** "30 workouts in 30 days": kept occurrences counted in a rolling window. */
public record GoalTarget(
        @NotNull @Min(1) @Max(1000) Integer count,
        @NotNull @Min(1) @Max(366) Integer windowDays) {}
