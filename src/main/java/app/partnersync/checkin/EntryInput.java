package app.partnersync.checkin;

import app.partnersync.common.CodePointLength;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** Body of {@code PUT …/entries/me}: the caller's whole entry; a field without a visibility is private. */
public record EntryInput(
        @Valid ScoreField mood,
        @Valid ScoreField safety,
        @Valid ScoreField connection,
        @Valid TextField gratitude,
        @Valid TextField needs,
        @Valid TextField whatWorks,
        @Valid TextField whatToAdjust,
        @NotNull Boolean submitted) {

    /** A 1–5 score and who may see it. */
    public record ScoreField(
            @NotNull @Min(1) @Max(5) Integer value,

            @Pattern(regexp = "shared|private", message = "must be shared or private")
            String visibility) {

        boolean shared() {
            return "shared".equals(visibility);
        }
    }

    /** A text answer and who may see it. */
    public record TextField(
            @NotNull @CodePointLength(min = 1, max = 2000) String text,

            @Pattern(regexp = "shared|private", message = "must be shared or private")
            String visibility) {

        boolean shared() {
            return "shared".equals(visibility);
        }
    }
}
