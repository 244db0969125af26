package app.partnersync.checkin;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One member's answers in a check-in; every field is private unless its author shared it. */
@Entity
@Table(name = "check_in_entry")
public class Entry extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "partnership_id", nullable = false)
    public UUID partnershipId;

    @Column(name = "check_in_id", nullable = false)
    public UUID checkInId;

    @Column(name = "author_id")
    public UUID authorId;

    public Short mood;

    @Column(name = "mood_shared", nullable = false)
    public boolean moodShared;

    public Short safety;

    @Column(name = "safety_shared", nullable = false)
    public boolean safetyShared;

    public Short connection;

    @Column(name = "connection_shared", nullable = false)
    public boolean connectionShared;

    public String gratitude;

    @Column(name = "gratitude_shared", nullable = false)
    public boolean gratitudeShared;

    public String needs;

    @Column(name = "needs_shared", nullable = false)
    public boolean needsShared;

    @Column(name = "what_works")
    public String whatWorks;

    @Column(name = "what_works_shared", nullable = false)
    public boolean whatWorksShared;

    @Column(name = "what_to_adjust")
    public String whatToAdjust;

    @Column(name = "what_to_adjust_shared", nullable = false)
    public boolean whatToAdjustShared;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
