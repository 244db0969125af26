package app.partnersync.commitment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** An occurrence and its outcome (the contract's {@code Occurrence}). */
public record OccurrenceView(
        UUID id,
        UUID commitmentId,
        LocalDate dueDate,
        Instant dueAt,
        UUID promiser,
        Occurrence.Status status,
        String note,
        String reason,
        Instant movedTo,
        Instant recordedAt,
        Confirmation confirmation,
        Acknowledgement acknowledgement,
        PendingRevision pendingRevision,
        List<OccurrenceHistory.Entry> history,
        long version) {

    /** The partner's verdict on a kept outcome. */
    public record Confirmation(Occurrence.Verdict verdict, UUID by, Instant at, String note) {}

    /** "I messed up": what happened and how it will be prevented. */
    public record Acknowledgement(String whatHappened, String prevention, Instant at) {}

    /** A change of a miss the promiser asked for after the due time, waiting for the partner's answer. */
    public record PendingRevision(OutcomeInput.Outcome outcome, String note, Instant requestedAt, Instant lapsesAt) {}

    static OccurrenceView of(Occurrence o, List<OccurrenceHistory.Entry> history) {
        return new OccurrenceView(
                o.id,
                o.commitmentId,
                o.dueDate,
                o.dueAt,
                o.promiserId,
                o.status,
                o.note,
                o.reason,
                o.movedTo,
                o.recordedAt,
                o.confirmation == null
                        ? null
                        : new Confirmation(o.confirmation, o.confirmedBy, o.confirmedAt, o.confirmationNote),
                o.acknowledgedAt == null ? null : new Acknowledgement(o.ackWhat, o.ackPrevention, o.acknowledgedAt),
                o.revisionOutcome == null
                        ? null
                        : new PendingRevision(
                                o.revisionOutcome, o.revisionNote, o.revisionRequestedAt, o.revisionLapsesAt),
                history == null ? List.of() : history,
                o.version);
    }
}
