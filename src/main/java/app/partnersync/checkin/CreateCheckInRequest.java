package app.partnersync.checkin;

import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.UUID;

/** Body of starting a check-in: ad hoc, or the one scheduled for a given start; a repair one may name its plan. */
public record CreateCheckInRequest(UUID id, @NotNull CheckIn.Kind kind, Instant scheduledFor, UUID repairPlanId) {}
