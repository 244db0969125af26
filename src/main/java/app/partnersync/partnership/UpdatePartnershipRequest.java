package app.partnersync.partnership;

import app.partnersync.common.CodePointLength;
import jakarta.validation.constraints.NotNull;

/** Body of {@code PATCH /v1/partnerships/{partnershipId}}: the caller's own name for it; empty clears it. */
public record UpdatePartnershipRequest(
        @NotNull @CodePointLength(max = 60) String displayName) {}
