package app.partnersync.repair;

import app.partnersync.common.CodePointLength;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Body of {@code PATCH …/repair-plans/{repairPlanId}}: the fields to change; {@code steps} replaces the list. */
public record RepairPlanPatch(
        @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") @CodePointLength(min = 1, max = 120)
        String title,

        @CodePointLength(min = 1, max = 2000) String why,
        @Size(max = 20) List<@NotNull @Valid RepairStepInput> steps,
        @Valid RepairReviewJson review,

        // A string, not RepairPlan.Status, so that a wrong value stays the validation problem it always was
        // (an enum would make it a malformed-request one).
        @Pattern(regexp = "active|completed|abandoned", message = "must be active, completed or abandoned")
        String status) {

    /** The status asked for, if any; the pattern above has made sure it is one. */
    RepairPlan.Status requestedStatus() {
        return status == null ? null : RepairPlan.Status.valueOf(status);
    }

    boolean isEmpty() {
        return title == null && why == null && steps == null && review == null && status == null;
    }
}
