package app.partnersync.milestone;

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

/** Something worth celebrating that happened once: a goal met, 90% follow-through reached, a streak. */
@Entity
@Table(name = "milestone")
public class Milestone extends PanacheEntityBase {

    /** What was reached. */
    public enum Kind {
        goal_met,
        follow_through,
        streak
    }

    @Id
    public UUID id;

    @Column(name = "partnership_id", nullable = false)
    public UUID partnershipId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    @Column(name = "member_id")
    public UUID memberId;

    @Column(name = "commitment_id")
    public UUID commitmentId;

    @Column(nullable = false)
    public int threshold;

    @Column(name = "window_start")
    public Instant windowStart;

    @Column(name = "window_end")
    public Instant windowEnd;

    @Column(nullable = false)
    public String claim;

    @Column(name = "reached_at", nullable = false)
    public Instant reachedAt;

    @Version
    public long version;
}
