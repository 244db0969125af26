package app.partnersync.moment;

import app.partnersync.common.CodePointLength;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Body of {@code POST …/moments}; which fields apply depends on the kind. */
public record CreateMomentRequest(
        UUID id,
        @NotNull Moment.Kind kind,
        @CodePointLength(min = 1, max = 280) String message,
        Instant arrivalAt,
        @Valid OccurrenceRef occurrence,
        @Min(1) @Max(120) Integer minutes) {

    /** An occurrence of a commitment, by its due date. */
    public record OccurrenceRef(
            @NotNull UUID commitmentId, @NotNull LocalDate dueDate) {}
}
