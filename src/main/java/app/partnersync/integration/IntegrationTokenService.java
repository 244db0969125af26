package app.partnersync.integration;

import app.partnersync.common.KeysetCursor;
import app.partnersync.common.Listing;
import app.partnersync.common.OpaqueTokens;
import app.partnersync.common.Page;
import app.partnersync.common.PageRequest;
import app.partnersync.common.ProblemException;
import app.partnersync.partnership.PartnershipMember;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Makes, lists and revokes a member's integration tokens; the secret is shown once and kept only as a hash. */
@ApplicationScoped
@Transactional
public class IntegrationTokenService {

    /** The longest a token may live. */
    static final Duration MAX_LIFETIME = Duration.ofDays(366);

    private final Clock clock;

    public IntegrationTokenService(Clock clock) {
        this.clock = clock;
    }

    public TokenView create(UUID accountId, CreateTokenRequest request) {
        String scopes = TokenScopes.stored(request.scopes());
        Instant now = clock.instant();
        requireExpiry(request.expiresAt(), now);
        if (request.partnershipId() != null
                && PartnershipMember.count("partnershipId = ?1 and accountId = ?2", request.partnershipId(), accountId)
                        == 0) {
            throw ProblemException.invalidField("partnershipId", "must be one of your partnerships");
        }
        String secret = OpaqueTokens.generate(OpaqueTokens.INTEGRATION);
        IntegrationToken token = new IntegrationToken();
        token.id = UUID.randomUUID();
        token.accountId = accountId;
        token.name = request.name();
        token.tokenHash = OpaqueTokens.hash(secret);
        token.scopes = scopes;
        token.partnershipId = request.partnershipId();
        token.expiresAt = request.expiresAt();
        token.createdAt = now;
        token.persist();
        return TokenView.of(token, secret);
    }

    /** Refuses (400 naming {@code expiresAt}) an expiry that is not in the future or more than a year ahead. */
    static void requireExpiry(Instant expiresAt, Instant now) {
        if (!expiresAt.isAfter(now)) {
            throw ProblemException.invalidField("expiresAt", "must be in the future");
        }
        if (expiresAt.isAfter(now.plus(MAX_LIFETIME))) {
            throw ProblemException.invalidField("expiresAt", "must be at most one year from now");
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<TokenView> list(UUID accountId, PageRequest page) {
        return Listing.where("accountId = :account", "account", accountId)
                .page(
                        page,
                        "createdAt",
                        "id",
                        (q, p) -> IntegrationToken.<IntegrationToken>find(q, p),
                        t -> new KeysetCursor(t.createdAt, t.id),
                        shown -> shown.stream().map(t -> TokenView.of(t, null)).toList());
    }

    /** Revokes at once: the next request with the token is 401. Revoking a revoked token changes nothing. */
    public void revoke(UUID accountId, UUID tokenId) {
        IntegrationToken token = IntegrationToken.<IntegrationToken>find(
                        "id = ?1 and accountId = ?2", tokenId, accountId)
                .<IntegrationToken>firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("The token"));
        if (token.revokedAt == null) {
            token.revokedAt = clock.instant();
        }
    }

    /** Deletes every token of the account (on account deletion). */
    public void erase(UUID accountId) {
        IntegrationToken.delete("accountId", accountId);
    }

    /** The account's tokens for its export (never the secret, which is not kept). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<TokenView> all(UUID accountId) {
        return IntegrationToken.<IntegrationToken>list("accountId = ?1 order by createdAt, id", accountId).stream()
                .map(t -> TokenView.of(t, null))
                .toList();
    }
}
