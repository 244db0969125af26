package app.partnersync.commitment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One due instance of a commitment for one promiser, and what became of it. */
@Entity
@Table(name = "occurrence")
public class Occurrence extends PanacheEntityBase {

    /** Open until the promiser records an outcome, or until its grace passes and it is missed by itself. */
    public enum Status {
        open,
        kept,
        missed,
        renegotiated,
        cancelled
    }

    /** The partner's verdict on a kept outcome: a confirmation is final, a dispute asks for a new outcome. */
    public enum Verdict {
        confirmed,
        disputed
    }

    @Id
    public UUID id;

    @Column(name = "partnership_id", nullable = false)
    public UUID partnershipId;

    @Column(name = "commitment_id", nullable = false)
    public UUID commitmentId;

    @Column(name = "due_date", nullable = false)
    public LocalDate dueDate;

    @Column(name = "due_at", nullable = false)
    public Instant dueAt;

    @Column(name = "promiser_id")
    public UUID promiserId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    public String note;

    public String reason;

    @Column(name = "moved_to")
    public Instant movedTo;

    @Column(name = "recorded_at")
    public Instant recordedAt;

    @Column(name = "missed_at")
    public Instant missedAt;

    @Enumerated(EnumType.STRING)
    public Verdict confirmation;

    @Column(name = "confirmed_by")
    public UUID confirmedBy;

    @Column(name = "confirmed_at")
    public Instant confirmedAt;

    @Column(name = "confirmation_note")
    public String confirmationNote;

    @Column(name = "ack_what")
    public String ackWhat;

    @Column(name = "ack_prevention")
    public String ackPrevention;

    @Column(name = "acknowledged_at")
    public Instant acknowledgedAt;

    @Column(name = "reminder_sent_at")
    public Instant reminderSentAt;

    /** A change of a miss the promiser asked for after the due time; it counts once the partner accepts it. */
    @Enumerated(EnumType.STRING)
    @Column(name = "revision_outcome")
    public OutcomeInput.Outcome revisionOutcome;

    @Column(name = "revision_note")
    public String revisionNote;

    @Column(name = "revision_requested_at")
    public Instant revisionRequestedAt;

    @Column(name = "revision_lapses_at")
    public Instant revisionLapsesAt;

    @Column(name = "cancelled_late", nullable = false)
    public boolean cancelledLate;

    @Version
    public long version;
}
