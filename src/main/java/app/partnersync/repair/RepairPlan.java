package app.partnersync.repair;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
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

    /** Active until a member completes or abandons it; after that it no longer changes. */
    public enum Status {
        active,
        completed,
        abandoned
    }

    @Id
    public UUID id;

    @Column(name = "partnership_id", nullable = false)
    public UUID partnershipId;

    @Column(nullable = false)
    public String title;

    public String why;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

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
        return status == Status.active;
    }

    /** The professional-support suggestion the plan carries, or null. */
    RepairPlanView.ProfessionalSupport support() {
        return supportSince == null
                ? null
                : new RepairPlanView.ProfessionalSupport(
                        supportReason, supportSince, supportActiveDays, supportSafetyStart, supportSafetyRecent);
    }

    /** Carries {@code support} from now on, or (null) no suggestion. */
    void setSupport(RepairPlanView.ProfessionalSupport support) {
        if (support == null) {
            supportSince = null;
            supportReason = null;
            supportActiveDays = null;
            supportSafetyStart = null;
            supportSafetyRecent = null;
            return;
        }
        supportSince = support.since();
        supportReason = support.reason();
        supportActiveDays = support.activeDays();
        supportSafetyStart = support.safetyAtStart();
        supportSafetyRecent = support.safetyRecent();
    }
}
