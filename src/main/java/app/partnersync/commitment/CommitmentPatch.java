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
        Commitment.Category category,
        Instant dueAt,
        RecurrenceJson recurrence,
        @Min(0) @Max(10080) Integer reminderMinutesBefore,
        @Valid GoalTarget target,

        // A string, not Commitment.Status, so that a wrong value stays the validation problem naming the field
        // (an enum would fail while reading the body, as a malformed request).
        @Pattern(regexp = "active|archived", message = "must be active or archived")
        String status) {

    /** The status to set, or null to keep it; only called once the body is valid. */
    Commitment.Status newStatus() {
        return status == null ? null : Commitment.Status.valueOf(status);
    }

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
