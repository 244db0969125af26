package app.partnersync.milestone;

import java.time.Instant;
import java.util.UUID;

/** A milestone as both members see it (the contract's {@code Milestone}). */
public record MilestoneView(
        UUID id,
        UUID partnershipId,
        Milestone.Kind kind,
        UUID memberId,
        UUID commitmentId,
        int threshold,
        Instant windowStart,
        Instant windowEnd,
        Instant reachedAt,
        long version) {

    static MilestoneView of(Milestone m) {
        return new MilestoneView(
                m.id,
                m.partnershipId,
                m.kind,
                m.memberId,
                m.commitmentId,
                m.threshold,
                m.windowStart,
                m.windowEnd,
                m.reachedAt,
                m.version);
    }
}
