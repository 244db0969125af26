package app.partnersync.partnership;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One member's seat in a partnership; after the member's account is deleted, a neutral "former member". */
@Entity
@Table(name = "partnership_member")
public class PartnershipMember extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "partnership_id", nullable = false)
    public UUID partnershipId;

    /** Null once the member's account is deleted. */
    @Column(name = "account_id")
    public UUID accountId;

    /** The member's own name for the partnership, shown to nobody else. */
    public String label;

    @Column(nullable = false)
    public boolean former;

    /** This member allows integrations to read the partnership's check-ins and repair plans. */
    @Column(name = "integration_consent", nullable = false)
    public boolean integrationConsent;

    @Column(name = "joined_at", nullable = false)
    public Instant joinedAt;
}
