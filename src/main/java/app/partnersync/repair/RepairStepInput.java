package app.partnersync.repair;

import app.partnersync.common.CodePointLength;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.UUID;

/** A step as a client sends it; the id of an existing step keeps that step and when it was done. */
public record RepairStepInput(
        UUID id,

        @NotNull @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") @CodePointLength(min = 1, max = 280)
        String text,

        UUID ownerId,
        Boolean done) {}
