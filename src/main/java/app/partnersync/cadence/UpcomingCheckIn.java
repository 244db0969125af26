package app.partnersync.cadence;

import app.partnersync.checkin.CheckIn;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A check-in the cadence or a repair plan's review brings next, and the check-in started for it if any. */
public record UpcomingCheckIn(CheckIn.Kind kind, Instant startsAt, Instant endsAt, UUID repairPlanId, UUID checkInId) {

    /** The contract's {@code UpcomingCheckIns}. */
    public record Page(List<UpcomingCheckIn> items) {}
}
