package app.partnersync.checkin;

import java.time.Instant;
import java.util.UUID;

/**
 * Whether a check-in may start at a scheduled time: the schedules are {@code cadence/}'s (it implements this), so
 * that check-ins need not know cadences.
 */
public interface Schedules {

    /**
     * Refuses (400 naming the field) a scheduled start that is not a start of one of the partnership's schedules of
     * that kind (for {@code repair}, of the plan's review) near enough to now.
     */
    void requireScheduledStart(UUID partnershipId, CheckIn.Kind kind, UUID repairPlanId, Instant scheduledFor);
}
