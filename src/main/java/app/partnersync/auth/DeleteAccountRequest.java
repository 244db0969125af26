package app.partnersync.auth;

import app.partnersync.common.CodePointLength;
import jakarta.validation.constraints.NotNull;

/** Body of {@code DELETE /v1/me}: the password, confirming that the owner means it. */
public record DeleteAccountRequest(
        @NotNull @CodePointLength(min = 1, max = Passwords.MAX_LENGTH)
        String password) {

    @Override
    public String toString() {
        return "DeleteAccountRequest[redacted]";
    }
}
