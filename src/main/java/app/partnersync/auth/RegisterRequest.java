package app.partnersync.auth;

import app.partnersync.common.CodePointLength;
import app.partnersync.common.IanaTimeZone;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** Body of {@code POST /v1/auth/register}. */
public record RegisterRequest(
        @NotNull @Email(regexp = "[^\\s@]+@[^\\s@]+\\.[^\\s@]+") @CodePointLength(max = 254)
        String email,

        @NotNull @CodePointLength(min = Passwords.MIN_LENGTH, max = Passwords.MAX_LENGTH)
        String password,

        @NotNull @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") @CodePointLength(min = 1, max = 60)
        String displayName,

        @NotNull @IanaTimeZone @CodePointLength(min = 1, max = 64)
        String timeZone,

        @CodePointLength(max = 100) String deviceName) {

    @Override
    public String toString() {
        return "RegisterRequest[redacted]";
    }
}
