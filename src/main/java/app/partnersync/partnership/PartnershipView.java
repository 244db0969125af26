package app.partnersync.partnership;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A partnership as one of its members sees it (the contract's {@code Partnership}). */
public record PartnershipView(
        UUID id,
        PartnershipKind kind,
        Partnership.Status status,
        String displayName,
        List<MemberView> members,
        Instant createdAt,
        Instant updatedAt,
        Instant endedAt,
        Partnership.EndReason endedReason,
        long version) {

    /** A member's public profile; a deleted account shows as a neutral former member. */
    public record MemberView(
            UUID accountId,
            String displayName,
            String timeZone,
            boolean former,
            boolean you,
            boolean integrationConsent) {}
}
