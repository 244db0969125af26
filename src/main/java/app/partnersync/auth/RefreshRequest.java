package app.partnersync.auth;

import app.partnersync.common.CodePointLength;
import jakarta.validation.constraints.NotNull;

/** Body of {@code POST /v1/auth/refresh}. */
public record RefreshRequest(
        @NotNull @CodePointLength(min = 1, max = 200) String refreshToken) {

    @Override
    public String toString() {
        return "RefreshRequest[redacted]";
    }
}
