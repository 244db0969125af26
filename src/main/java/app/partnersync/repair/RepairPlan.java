package app.partnersync.repair;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A plan to repair after a breach of trust. Its steps are one JSON document (always read and written whole); its
 * weekly review is a check-in schedule; the professional-support suggestion is kept here so that sync carries it.
 */
@Entity
@Table(name = "repair_plan")
public class RepairPlan extends PanacheEntityBase {

    public static final String ACTIVE = "active";

    @Id
    public UUID id;

    @Column(name = "partnership_id", nullable = false)
    public UUID partnershipId;

    @Column(nullable = false)
    public String title;

    public String why;

    @Column(nullable = false)
    public String status;

    /** The steps as JSON (a list of {@link RepairStep}), converted by the service. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String steps;

    @Column(name = "created_by")
    public UUID createdBy;

    @Column(name = "ended_at")
    public Instant endedAt;

    @Column(name = "support_since")
    public Instant supportSince;

    @Column(name = "support_reason")
    public String supportReason;

    @Column(name = "support_active_days")
    public Integer supportActiveDays;

    @Column(name = "support_safety_start")
    public BigDecimal supportSafetyStart;

    @Column(name = "support_safety_recent")
    public BigDecimal supportSafetyRecent;

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    boolean isActive() {
        return ACTIVE.equals(status);
    }
}
