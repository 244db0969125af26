package app.partnersync.commitment;

import app.partnersync.common.CodePointLength;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Body of a commitment create (and the data of a pushed create): a one-off {@code dueAt} or a recurrence. */
public record CommitmentInput(
        UUID id,

        @NotNull @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") @CodePointLength(min = 1, max = 120)
        String title,

        @CodePointLength(max = 2000) String details,
        @NotNull @Size(min = 1, max = 2) List<@NotNull UUID> promisedBy,
        Commitment.Category category,
        Instant dueAt,
        RecurrenceJson recurrence,
        @Min(0) @Max(10080) Integer reminderMinutesBefore,
        @Valid GoalTarget target) {}
