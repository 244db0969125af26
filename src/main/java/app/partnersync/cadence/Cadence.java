package app.partnersync.cadence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * The check-in schedule of one partnership (its weekly and monthly {@link CheckInSchedule}s hang off it). Its id is
 * the partnership's id: there is one cadence per partnership.
 */
@Entity
@Table(name = "cadence")
public class Cadence extends PanacheEntityBase {

    @Id
    @Column(name = "partnership_id")
    public UUID id;

    /** The same column as {@link #id}, under the name every partnership-scoped query uses. */
    @Column(name = "partnership_id", insertable = false, updatable = false)
    public UUID partnershipId;

    @Column(name = "time_zone", nullable = false)
    public String timeZone;

    @Column(name = "reminder_minutes", nullable = false)
    public int reminderMinutes;

    @Column(name = "effective_from", nullable = false)
    public Instant effectiveFrom;

    @Column(name = "updated_by")
    public UUID updatedBy;

    /** Counted by the service (writes are serialised by the partnership lock): 0 means "never set". */
    @Column(nullable = false)
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
