package app.partnersync.partnership;

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

/** Two accounts who agreed to share; active until either member ends it, then read-only and kept. */
@Entity
@Table(name = "partnership")
public class Partnership extends PanacheEntityBase {

    /** Active until either member ends it; ended: read-only and kept. */
    public enum Status {
        active,
        ended
    }

    /** Why it ended: a member ended it, or a member deleted their account. */
    public enum EndReason {
        ended_by_member,
        member_deleted
    }

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PartnershipKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "pair_low")
    public UUID pairLow;

    @Column(name = "pair_high")
    public UUID pairHigh;

    @Column(name = "ended_at")
    public Instant endedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "ended_reason")
    public EndReason endedReason;

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public boolean isActive() {
        return status == Status.active;
    }

    void end(Instant now, EndReason reason) {
        status = Status.ended;
        endedAt = now;
        endedReason = reason;
        pairLow = null;
        pairHigh = null;
        updatedAt = now;
    }
}
