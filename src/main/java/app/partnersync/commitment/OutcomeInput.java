package app.partnersync.commitment;

import app.partnersync.common.CodePointLength;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/** Body of recording an outcome: kept, renegotiated (with a reason, before the due time), missed or cancelled. */
public record OutcomeInput(
        @NotNull Outcome outcome,
        @CodePointLength(max = 500) String note,
        @CodePointLength(min = 1, max = 500) String reason,
        Instant movedTo) {

    /** What the promiser says became of the occurrence. */
    public enum Outcome {
        kept,
        renegotiated,
        missed,
        cancelled
    }
}
