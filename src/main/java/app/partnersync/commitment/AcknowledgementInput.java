package app.partnersync.commitment;

import app.partnersync.common.CodePointLength;
import jakarta.validation.constraints.NotNull;

/** Body of "I messed up": what happened and how it will be prevented. */
public record AcknowledgementInput(
        @NotNull @CodePointLength(min = 1, max = 1000) String whatHappened,
        @NotNull @CodePointLength(min = 1, max = 1000) String prevention) {}
