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

    /** What the promiser says became of the occurrence: a status other than open, which only time gives. */
    public enum Outcome {
        kept,
        renegotiated,
        missed,
        cancelled;

        Occurrence.Status status() {
            return switch (this) {
                case kept -> Occurrence.Status.kept;
                case renegotiated -> Occurrence.Status.renegotiated;
                case missed -> Occurrence.Status.missed;
                case cancelled -> Occurrence.Status.cancelled;
            };
        }
    }
}
