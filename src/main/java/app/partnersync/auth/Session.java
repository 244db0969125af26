package app.partnersync.auth;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A signed-in device of an account: the chain of refresh tokens and every access token issued from it. */
@Entity
@Table(name = "auth_session")
public class Session extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "account_id", nullable = false)
    public UUID accountId;

    @Column(name = "device_name")
    public String deviceName;

    @Column(name = "user_agent")
    public String userAgent;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "last_used_at", nullable = false)
    public Instant lastUsedAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    @Column(name = "revoked_reason")
    public String revokedReason;

    boolean isActiveAt(Instant now) {
        return revokedAt == null && expiresAt.isAfter(now);
    }

    /** Ends the session; false when it had ended already. */
    boolean revoke(Instant now, String reason) {
        if (revokedAt != null) {
            return false;
        }
        revokedAt = now;
        revokedReason = reason;
        return true;
    }
}
