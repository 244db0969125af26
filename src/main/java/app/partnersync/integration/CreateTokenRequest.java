package app.partnersync.integration;

import app.partnersync.common.CodePointLength;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Body of {@code POST /v1/me/tokens}. */
public record CreateTokenRequest(
        @NotNull @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") @CodePointLength(min = 1, max = 100)
        String name,

        @NotNull @Size(min = 1, max = 8) List<@NotNull String> scopes,
        UUID partnershipId,
        @NotNull Instant expiresAt) {}
