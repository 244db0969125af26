package app.partnersync.commitment;

import java.time.Instant;
import java.time.LocalDate;
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
        long version) {

    /** The partner's verdict on a kept outcome. */
    public record Confirmation(Occurrence.Verdict verdict, UUID by, Instant at, String note) {}

    /** "I messed up": what happened and how it will be prevented. */
    public record Acknowledgement(String whatHappened, String prevention, Instant at) {}

    static OccurrenceView of(Occurrence o) {
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
                o.version);
    }
}
