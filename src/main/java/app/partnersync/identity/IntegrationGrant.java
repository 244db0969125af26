package app.partnersync.identity;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * What the integration token of the current request allows: its scopes, and the one partnership it is limited to
 * ({@code null}: all of its account's). Carried as an attribute of the security identity.
 */
public record IntegrationGrant(UUID tokenId, Set<String> scopes, UUID partnershipId, Instant expiresAt) {

    /** The identity attribute holding the grant; absent for a member's own access token. */
    public static final String ATTRIBUTE = "partnersync.integration";
}
