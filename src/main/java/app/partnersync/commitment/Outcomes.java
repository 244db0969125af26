package app.partnersync.commitment;

import app.partnersync.common.ProblemException;
import app.partnersync.common.ProblemType;
import java.time.Duration;
import java.time.Instant;

/**
 * What may become of an occurrence, and when: recording an outcome, the partner's verdict, owning a miss. The rules
 * need only the occurrence and the time, so they are checked (and tested) without a database.
 */
final class Outcomes {

    private Outcomes() {}

    /**
     * Refuses an outcome the promiser may not record at {@code now}: anything once the partner confirmed, renegotiating
     * from the due time on (the occurrence then counts as missed) or without a reason, a {@code reason} or
     * {@code movedTo} with any other outcome. A disputed outcome may be recorded again.
     */
    static void checkOutcome(Occurrence.Verdict confirmation, Instant dueAt, OutcomeInput input, Instant now) {
        if (confirmation == Occurrence.Verdict.confirmed) {
            throw conflict("Your partner confirmed this outcome; it can no longer change.");
        }
        switch (input.outcome()) {
            case renegotiated -> {
                if (!now.isBefore(dueAt)) {
                    throw conflict("Renegotiating is for before the due time (say so when running late); "
                            + "afterwards the occurrence counts as missed.");
                }
                if (input.reason() == null || input.reason().isBlank()) {
                    throw ProblemException.invalidField("reason", "is required when renegotiating");
                }
            }
            // The contract gives each outcome its own shape: a reason or a new time belongs to a renegotiation only.
            case kept, missed, cancelled -> {
                if (input.reason() != null) {
                    throw ProblemException.invalidField("reason", "is only for a renegotiated outcome");
                }
                if (input.movedTo() != null) {
                    throw ProblemException.invalidField("movedTo", "is only for a renegotiated outcome");
                }
            }
        }
    }

    /**
     * Records the promiser's outcome on the occurrence, once {@link #checkOutcome} allows it: a new outcome awaits a
     * new verdict, only a miss keeps its time, only a renegotiation its reason and new time.
     */
    static void record(Occurrence occurrence, OutcomeInput input, Instant now) {
        checkOutcome(occurrence.confirmation, occurrence.dueAt, input, now);
        occurrence.confirmation = null;
        occurrence.confirmedBy = null;
        occurrence.confirmedAt = null;
        occurrence.confirmationNote = null;
        if (input.outcome() == OutcomeInput.Outcome.renegotiated) {
            occurrence.reason = input.reason();
            occurrence.movedTo = input.movedTo();
        }
        occurrence.missedAt = input.outcome() == OutcomeInput.Outcome.missed ? now : null;
        occurrence.status = input.outcome().status();
        occurrence.note = blankToNull(input.note());
        occurrence.recordedAt = now;
    }

    /**
     * Whether the promiser's {@code outcome} at {@code now} would turn an occurrence that does not count as kept (a
     * miss, or a kept outcome the partner disputes) into one that counts better ({@code kept} or {@code cancelled})
     * after the due time: such a change waits for the partner as a pending revision. Before the due time it is direct.
     */
    static boolean needsRevision(Occurrence occurrence, OutcomeInput.Outcome outcome, Instant now) {
        boolean notCountedAsKept = occurrence.status == Occurrence.Status.missed
                || (occurrence.status == Occurrence.Status.kept
                        && occurrence.confirmation == Occurrence.Verdict.disputed);
        return notCountedAsKept
                && (outcome == OutcomeInput.Outcome.kept || outcome == OutcomeInput.Outcome.cancelled)
                && !now.isBefore(occurrence.dueAt);
    }

    /** A cancellation at {@code at} is late when it comes less than {@code lead} before the due time, or after it. */
    static boolean cancelledLate(Instant dueAt, Instant at, Duration lead) {
        return at.isAfter(dueAt.minus(lead));
    }

    /** Refuses to answer a revision that is not pending, or one that lapsed at {@code now}. */
    static void checkRevisionAnswer(Occurrence occurrence, Instant now) {
        if (occurrence.revisionOutcome == null) {
            throw conflict("No revision of this outcome is waiting for your answer.");
        }
        if (!now.isBefore(occurrence.revisionLapsesAt)) {
            throw conflict("This revision lapsed at " + occurrence.revisionLapsesAt + "; the outcome stands.");
        }
    }

    /** Refuses a verdict on anything but a kept outcome, and a second verdict on a confirmed one. */
    static void checkVerdict(Occurrence.Status status, Occurrence.Verdict confirmation) {
        if (status != Occurrence.Status.kept) {
            throw conflict("Only a kept outcome can be confirmed or disputed.");
        }
        if (confirmation == Occurrence.Verdict.confirmed) {
            throw conflict("This outcome is confirmed already; a confirmation is final.");
        }
    }

    /** Refuses to own anything but a miss. */
    static void checkAcknowledgement(Occurrence.Status status) {
        if (status != Occurrence.Status.missed) {
            throw conflict("Only a missed occurrence can be acknowledged.");
        }
    }

    /** A note of only spaces is no note. */
    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    private static ProblemException conflict(String detail) {
        return new ProblemException(ProblemType.OUTCOME_CONFLICT, detail);
    }
}
