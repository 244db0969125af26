package app.partnersync.auth;

import app.partnersync.common.CodePointLength;
import jakarta.validation.constraints.NotNull;

/** Body of {@code POST /v1/me/password}. */
public record ChangePasswordRequest(
        @NotNull @CodePointLength(min = 1, max = Passwords.MAX_LENGTH)
        String currentPassword,

        @NotNull @CodePointLength(min = Passwords.MIN_LENGTH, max = Passwords.MAX_LENGTH)
        String newPassword) {

    @Override
    public String toString() {
        return "ChangePasswordRequest[redacted]";
    }
}
