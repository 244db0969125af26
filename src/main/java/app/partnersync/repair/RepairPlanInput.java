package app.partnersync.repair;

import app.partnersync.common.CodePointLength;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/** Body of creating a repair plan. */
public record RepairPlanInput(
        UUID id,

        @NotNull @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") @CodePointLength(min = 1, max = 120)
        String title,

        @CodePointLength(min = 1, max = 2000) String why,
        @Size(max = 20) List<@NotNull @Valid RepairStepInput> steps,
        @Valid RepairReviewJson review) {}
