package app.partnersync.moment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * What a running-late notice tied to one of the author's occurrences does to it: saying so before the due time is
 * renegotiating, not missing. {@code commitment/} implements it (occurrences are its own), so that moments need not
 * know commitments.
 */
public interface RunningLate {

    /**
     * The author renegotiates their occurrence of {@code commitmentId} on {@code dueDate}, to arrive at {@code
     * arrivalAt}; throws the problem of an outcome that cannot be recorded (after the due time, not the promiser, ...).
     */
    void renegotiate(
            UUID accountId, UUID partnershipId, UUID commitmentId, LocalDate dueDate, String reason, Instant arrivalAt);
}
