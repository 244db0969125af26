package app.partnersync.commitment;

import app.partnersync.common.CodePointLength;
import jakarta.validation.constraints.NotNull;

/** Body of the partner's verdict on a kept outcome. */
public record ConfirmationInput(
        @NotNull Occurrence.Verdict verdict,
        @CodePointLength(max = 500) String note) {}
