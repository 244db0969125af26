package app.partnersync.partnership;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A single-use, expiring code one account shares so that another can pair with it. */
@Entity
@Table(name = "invitation")
public class Invitation extends PanacheEntityBase {

    public static final String OPEN = "open";
    public static final String ACCEPTED = "accepted";
    public static final String WITHDRAWN = "withdrawn";

    @Id
    public UUID id;

    /** Normalised: eight characters, upper case, no dash. */
    @Column(nullable = false, columnDefinition = "bpchar")
    public String code;

    @Column(name = "inviter_id", nullable = false)
    public UUID inviterId;

    @Column(nullable = false)
    public String kind;

    public String message;

    @Column(nullable = false)
    public String status;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(name = "accepted_at")
    public Instant acceptedAt;

    @Column(name = "accepted_by")
    public UUID acceptedBy;

    @Column(name = "partnership_id")
    public UUID partnershipId;

    boolean isExpiredAt(Instant now) {
        return OPEN.equals(status) && !expiresAt.isAfter(now);
    }

    /** The status a client sees: an open invitation past its expiry is {@code expired}. */
    String visibleStatusAt(Instant now) {
        return isExpiredAt(now) ? "expired" : status;
    }
}
