package app.partnersync.partnership;

import app.partnersync.common.CodePointLength;
import jakarta.validation.constraints.NotNull;

/** Body of {@code POST /v1/invitations}. */
public record CreateInvitationRequest(
        @NotNull PartnershipKind kind,
        @CodePointLength(max = 280) String message) {}
