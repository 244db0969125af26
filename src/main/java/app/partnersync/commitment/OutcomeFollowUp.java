package app.partnersync.commitment;

import java.util.UUID;

/**
 * What follows when a member's outcomes changed (an outcome recorded, a verdict given, misses swept): milestones are
 * decided there. {@code milestone/} implements it, so that commitments need not know milestones.
 */
public interface OutcomeFollowUp {

    /**
     * Runs in the transaction that changed the outcomes of {@code memberId} (null: a former member) in the partnership.
     */
    void afterOutcome(UUID partnershipId, UUID memberId);
}
