package app.partnersync.partnership;

import java.time.Instant;

/** What anyone holding a code may see before accepting it. */
public record InvitationPreview(String code, PartnershipKind kind, Inviter inviter, String message, Instant expiresAt) {

    /** The inviter's public name only. */
    public record Inviter(String displayName) {}
}
