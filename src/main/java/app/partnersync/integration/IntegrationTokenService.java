package app.partnersync.integration;

import app.partnersync.common.KeysetCursor;
import app.partnersync.common.Listing;
import app.partnersync.common.OpaqueTokens;
import app.partnersync.common.Page;
import app.partnersync.common.PageRequest;
import app.partnersync.common.ProblemException;
import app.partnersync.identity.Scopes;
import app.partnersync.partnership.PartnershipMember;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

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
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < request.scopes().size(); i++) {
            String scope = request.scopes().get(i);
            if (!Scopes.ALL.contains(scope)) {
                throw ProblemException.invalidField(
                        "scopes[" + i + "]", "must be one of " + String.join(", ", Scopes.ALL));
            }
            if (!seen.add(scope)) {
                throw ProblemException.invalidField("scopes[" + i + "]", "is listed twice");
            }
        }
        Instant now = clock.instant();
        if (!request.expiresAt().isAfter(now)) {
            throw ProblemException.invalidField("expiresAt", "must be in the future");
        }
        if (request.expiresAt().isAfter(now.plus(MAX_LIFETIME))) {
            throw ProblemException.invalidField("expiresAt", "must be at most one year from now");
        }
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
        token.scopes = Scopes.ALL.stream().filter(seen::contains).collect(Collectors.joining(" "));
        token.partnershipId = request.partnershipId();
        token.expiresAt = request.expiresAt();
        token.createdAt = now;
        token.persist();
        return TokenView.of(token, secret);
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

    /** The account's tokens for its export (never the secret, which is not kept). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<TokenView> all(UUID accountId) {
        return IntegrationToken.<IntegrationToken>list("accountId = ?1 order by createdAt, id", accountId).stream()
                .map(t -> TokenView.of(t, null))
                .toList();
    }
}
