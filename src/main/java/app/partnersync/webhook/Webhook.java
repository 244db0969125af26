package app.partnersync.webhook;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** An HTTPS callback of a partnership for some event types, with the secret its deliveries are signed with. */
@Entity
@Table(name = "webhook")
public class Webhook extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "partnership_id", nullable = false)
    public UUID partnershipId;

    @Column(nullable = false)
    public String url;

    /** Space-separated event types or patterns ({@code commitment.*}, {@code *}). */
    @Column(nullable = false)
    public String events;

    public String description;

    /** Kept as is: deliveries are signed with it (it is a shared secret, not a password). */
    @Column(nullable = false)
    public String secret;

    @Column(name = "previous_secret")
    public String previousSecret;

    @Column(name = "previous_secret_until")
    public Instant previousSecretUntil;

    @Column(nullable = false)
    public boolean active;

    @Column(name = "consecutive_failures", nullable = false)
    public int consecutiveFailures;

    @Column(name = "disabled_at")
    public Instant disabledAt;

    @Column(name = "disabled_reason")
    public String disabledReason;

    @Column(name = "created_by")
    public UUID createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    List<String> eventList() {
        return Arrays.asList(events.split(" "));
    }

    /** Whether this webhook wants {@code type}: named exactly, by its family ({@code commitment.*}), or by {@code *}. */
    boolean wants(String type) {
        return eventList().stream().anyMatch(pattern -> EventPatterns.matches(pattern, type));
    }
}
