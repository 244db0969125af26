package app.partnersync.checkin;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A conversation of the two members: open (entries sealed) until both submit (completed) or one closes it. */
@Entity
@Table(name = "check_in")
public class CheckIn extends PanacheEntityBase {

    /** Open: entries sealed; completed: both submitted; closed: ended by a member before that. */
    public enum Status {
        open,
        completed,
        closed
    }

    /** What kind of conversation it is. */
    public enum Kind {
        weekly,
        monthly,
        repair,
        ad_hoc
    }

    @Id
    public UUID id;

    @Column(name = "partnership_id", nullable = false)
    public UUID partnershipId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    @Column(name = "scheduled_for")
    public Instant scheduledFor;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    /** For a repair check-in: the plan it reviews. */
    @Column(name = "repair_plan_id")
    public UUID repairPlanId;

    @Column(name = "started_by")
    public UUID startedBy;

    @Column(name = "started_at", nullable = false)
    public Instant startedAt;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    boolean isSealed() {
        return status == Status.open;
    }
}
