package app.partnersync.commitment;

import app.partnersync.common.CodePointLength;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Body of {@code PATCH …/commitments/{commitmentId}}: the fields to change. */
public record CommitmentPatch(
        @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") @CodePointLength(min = 1, max = 120)
        String title,

        @CodePointLength(max = 2000) String details,
        @Size(min = 1, max = 2) List<UUID> promisedBy,
        CommitmentInput.Category category,
        Instant dueAt,
        RecurrenceJson recurrence,
        @Min(0) @Max(10080) Integer reminderMinutesBefore,
        @Valid GoalTarget target,

        @Pattern(regexp = "active|archived", message = "must be active or archived")
        String status) {

    boolean isEmpty() {
        return title == null
                && details == null
                && promisedBy == null
                && category == null
                && dueAt == null
                && recurrence == null
                && reminderMinutesBefore == null
                && target == null
                && status == null;
    }
}
