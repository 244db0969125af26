package app.partnersync.partnership;

import java.time.Instant;
import java.util.UUID;

/** An invitation as its creator sees it (the contract's {@code Invitation}). */
public record InvitationView(
        UUID id,
        String code,
        PartnershipKind kind,
        String message,
        Invitation.Status status,
        Instant createdAt,
        Instant expiresAt,
        String shareUrl,
        UUID partnershipId) {}
