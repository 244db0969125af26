package app.partnersync.moment;

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

/** A small visible action: appreciation, a running-late notice, or a cool-off pause with its end. */
@Entity
@Table(name = "moment")
public class Moment extends PanacheEntityBase {

    /** What kind of moment. */
    public enum Kind {
        appreciation,
        running_late,
        cool_off
    }

    @Id
    public UUID id;

    @Column(name = "partnership_id", nullable = false)
    public UUID partnershipId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    @Column(name = "author_id")
    public UUID authorId;

    public String message;

    @Column(name = "arrival_at")
    public Instant arrivalAt;

    @Column(name = "commitment_id")
    public UUID commitmentId;

    @Column(name = "due_date")
    public LocalDate dueDate;

    @Column(name = "ends_at")
    public Instant endsAt;

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** When the service received it; {@code createdAt} is when the person made it (earlier when sent offline). */
    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;
}
