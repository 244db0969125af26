package app.partnersync.auth;

import app.partnersync.common.CodePointLength;
import jakarta.validation.constraints.NotNull;

/** Body of {@code POST /v1/me/password}. */
public record ChangePasswordRequest(
        @NotNull @CodePointLength(min = 1, max = 256) String currentPassword,
        @NotNull @CodePointLength(min = 10, max = 256) String newPassword) {

    @Override
    public String toString() {
        return "ChangePasswordRequest[redacted]";
    }
}
