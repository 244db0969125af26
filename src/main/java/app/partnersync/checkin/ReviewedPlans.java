package app.partnersync.checkin;

import java.util.UUID;

/**
 * Whether a repair check-in may review a plan: the plans are {@code repair/}'s (it implements this), so that
 * check-ins need not know repair plans.
 */
public interface ReviewedPlans {

    /** Whether the plan is an active repair plan of the partnership. */
    boolean isActive(UUID partnershipId, UUID planId);
}
