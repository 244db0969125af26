package app.partnersync.integration;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An integration token as its owner sees it (the contract's {@code IntegrationToken}); {@code token}, the secret, is
 * present only in the answer that created it.
 */
public record TokenView(
        UUID id,
        String name,
        List<String> scopes,
        UUID partnershipId,
        Instant expiresAt,
        Instant createdAt,
        Instant lastUsedAt,
        Instant revokedAt,
        String token) {

    static TokenView of(IntegrationToken t, String secret) {
        return new TokenView(
                t.id,
                t.name,
                List.copyOf(t.scopeSet()),
                t.partnershipId,
                t.expiresAt,
                t.createdAt,
                t.lastUsedAt,
                t.revokedAt,
                secret);
    }
}
