package app.partnersync.partnership;

import app.partnersync.common.CodePointLength;
import jakarta.validation.constraints.NotNull;

/** Body of {@code POST /v1/invitations}. */
public record CreateInvitationRequest(
        @NotNull Kind kind, @CodePointLength(max = 280) String message) {

    /** What the two people are to each other. */
    public enum Kind {
        partner,
        friend,
        colleague
    }
}
