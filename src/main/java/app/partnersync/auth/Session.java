package app.partnersync.auth;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Converter;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A signed-in device of an account: the chain of refresh tokens and every access token issued from it. */
@Entity
@Table(name = "auth_session")
public class Session extends PanacheEntityBase {

    /** Why a session ended; stored with dashes ({@code refresh-reuse}), which a constant's name cannot hold. */
    public enum EndReason {
        /** The device signed out. */
        logout,
        /** The owner ended it from another device. */
        revoked,
        /** A spent refresh token came back: two parties hold the chain. */
        refresh_reuse,
        /** The password changed on another device. */
        password_changed,
        /** "Sign out other devices". */
        signed_out_elsewhere;

        /** The value in {@code auth_session.revoked_reason}. */
        public String stored() {
            return name().replace('_', '-');
        }

        static EndReason ofStored(String stored) {
            return valueOf(stored.replace('-', '_'));
        }
    }

    /** Reads and writes {@link EndReason#stored()}. */
    @Converter
    public static class EndReasonColumn implements AttributeConverter<EndReason, String> {

        @Override
        public String convertToDatabaseColumn(EndReason reason) {
            return reason == null ? null : reason.stored();
        }

        @Override
        public EndReason convertToEntityAttribute(String stored) {
            return stored == null ? null : EndReason.ofStored(stored);
        }
    }

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

    @Convert(converter = EndReasonColumn.class)
    @Column(name = "revoked_reason")
    public EndReason revokedReason;

    boolean isActiveAt(Instant now) {
        return revokedAt == null && expiresAt.isAfter(now);
    }

    /** Ends the session; false when it had ended already. */
    boolean revoke(Instant now, EndReason reason) {
        if (revokedAt != null) {
            return false;
        }
        revokedAt = now;
        revokedReason = reason;
        return true;
    }
}
