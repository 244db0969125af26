package app.partnersync.account;

import app.partnersync.common.CodePointLength;
import app.partnersync.common.IanaTimeZone;
import jakarta.validation.constraints.Pattern;

/** Body of {@code PATCH /v1/me}: the fields to change; absent fields stay as they are. */
public record UpdateAccountRequest(
        @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") @CodePointLength(min = 1, max = 60)
        String displayName,

        @IanaTimeZone @CodePointLength(min = 1, max = 64) String timeZone) {

    boolean isEmpty() {
        return displayName == null && timeZone == null;
    }
}
