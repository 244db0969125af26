package app.partnersync.checkin;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A conversation of the two members: open (entries sealed) until both submit (completed) or one closes it. */
@Entity
@Table(name = "check_in")
public class CheckIn extends PanacheEntityBase {

    public static final String OPEN = "open";
    public static final String COMPLETED = "completed";
    public static final String CLOSED = "closed";

    @Id
    public UUID id;

    @Column(name = "partnership_id", nullable = false)
    public UUID partnershipId;

    @Column(nullable = false)
    public String kind;

    @Column(name = "scheduled_for")
    public Instant scheduledFor;

    @Column(nullable = false)
    public String status;

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
        return OPEN.equals(status);
    }
}
