package app.partnersync.integration;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** A scoped bearer token a member made for a third party; only the SHA-256 of its secret is kept. */
@Entity
@Table(name = "integration_token")
public class IntegrationToken extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "account_id", nullable = false)
    public UUID accountId;

    @Column(nullable = false)
    public String name;

    @Column(name = "token_hash", nullable = false)
    public String tokenHash;

    /** Space-separated, in the order {@code Scopes.ALL} lists them (see {@link TokenScopes}). */
    @Column(nullable = false)
    public String scopes;

    @Column(name = "partnership_id")
    public UUID partnershipId;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "last_used_at")
    public Instant lastUsedAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    Set<String> scopeSet() {
        return TokenScopes.parse(scopes);
    }
}
