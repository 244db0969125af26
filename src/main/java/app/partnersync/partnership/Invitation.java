package app.partnersync.partnership;

import app.partnersync.common.ProblemException;
import app.partnersync.common.ProblemType;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A single-use, expiring code one account shares so that another can pair with it. */
@Entity
@Table(name = "invitation")
public class Invitation extends PanacheEntityBase {

    /**
     * Where an invitation stands. {@code expired} is never stored (the column holds the other three): it is how an
     * open invitation past its expiry shows.
     */
    public enum Status {
        open,
        accepted,
        withdrawn,
        expired
    }

    @Id
    public UUID id;

    /** Normalised: eight characters, upper case, no dash. */
    @Column(nullable = false, columnDefinition = "bpchar")
    public String code;

    @Column(name = "inviter_id", nullable = false)
    public UUID inviterId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PartnershipKind kind;

    public String message;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

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
        return status == Status.open && !expiresAt.isAfter(now);
    }

    /** The status a client sees: an open invitation past its expiry is {@code expired}. */
    Status visibleStatusAt(Instant now) {
        return isExpiredAt(now) ? Status.expired : status;
    }

    /** Refuses an invitation that can no longer be accepted: withdrawn (404), accepted (410 used), or expired (410). */
    void requireAcceptableAt(Instant now) {
        switch (status) {
            case withdrawn -> throw ProblemException.notFound("The invitation");
            case accepted ->
                throw new ProblemException(
                        ProblemType.INVITATION_USED, "This invitation was already accepted; ask for a new one.");
            default -> {
                if (isExpiredAt(now)) {
                    throw new ProblemException(
                            ProblemType.INVITATION_EXPIRED, "This invitation has expired; ask for a new one.");
                }
            }
        }
    }
}
