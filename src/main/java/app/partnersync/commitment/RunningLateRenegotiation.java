package app.partnersync.commitment;

import app.partnersync.moment.RunningLate;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A running-late notice renegotiates the author's occurrence, as if they had recorded it themselves. */
@ApplicationScoped
public class RunningLateRenegotiation implements RunningLate {

    private final OccurrenceService occurrences;

    public RunningLateRenegotiation(OccurrenceService occurrences) {
        this.occurrences = occurrences;
    }

    @Override
    public void renegotiate(
            UUID accountId,
            UUID partnershipId,
            UUID commitmentId,
            LocalDate dueDate,
            String reason,
            Instant arrivalAt) {
        occurrences.recordOutcome(
                accountId,
                partnershipId,
                commitmentId,
                dueDate,
                new OutcomeInput(OutcomeInput.Outcome.renegotiated, null, reason, arrivalAt));
    }
}
