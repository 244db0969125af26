package app.partnersync.auth;

import app.partnersync.common.CodePointLength;
import jakarta.validation.constraints.NotNull;

/** Body of {@code POST /v1/auth/login}; deliberately loose so that a login reveals no password rules. */
public record LoginRequest(
        @NotNull @CodePointLength(min = 1, max = 254) String email,

        @NotNull @CodePointLength(min = 1, max = Passwords.MAX_LENGTH)
        String password,

        @CodePointLength(max = 100) String deviceName) {

    @Override
    public String toString() {
        return "LoginRequest[redacted]";
    }
}
