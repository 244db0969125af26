package app.partnersync.partnership;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** Two accounts who agreed to share; active until either member ends it, then read-only and kept. */
@Entity
@Table(name = "partnership")
public class Partnership extends PanacheEntityBase {

    public static final String ACTIVE = "active";
    public static final String ENDED = "ended";

    @Id
    public UUID id;

    @Column(nullable = false)
    public String kind;

    @Column(nullable = false)
    public String status;

    @Column(name = "pair_low")
    public UUID pairLow;

    @Column(name = "pair_high")
    public UUID pairHigh;

    @Column(name = "ended_at")
    public Instant endedAt;

    @Column(name = "ended_reason")
    public String endedReason;

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public boolean isActive() {
        return ACTIVE.equals(status);
    }

    void end(Instant now, String reason) {
        status = ENDED;
        endedAt = now;
        endedReason = reason;
        pairLow = null;
        pairHigh = null;
        updatedAt = now;
    }
}
