package app.partnersync.partnership;

import app.partnersync.common.ProblemException;
import app.partnersync.common.ProblemType;
import app.partnersync.identity.Caller;
import app.partnersync.identity.IntegrationGrant;
import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Tuple;
import java.util.Optional;
import java.util.UUID;

/**
 * The membership check that every path under {@code /v1/partnerships/{partnershipId}} goes through. The caller's
 * account is part of the query itself, so a partnership the caller is not in is never loaded, and it answers 404
 * exactly like one that does not exist.
 */
@ApplicationScoped
public class PartnershipAccess {

    private static final String MEMBERSHIP =
            "select p as partnership, m as self from Partnership p, PartnershipMember m"
                    + " where m.partnershipId = p.id and p.id = :partnership and m.accountId = :account";

    private final EntityManager entityManager;
    private final Caller caller;

    public PartnershipAccess(EntityManager entityManager, Caller caller) {
        this.entityManager = entityManager;
        this.caller = caller;
    }

    /**
     * The one partnership the current request's integration token is limited to, if it is; every other partnership
     * answers 404 to it, exactly like one the account is not in.
     */
    public Optional<UUID> restrictedTo() {
        return integration().map(IntegrationGrant::partnershipId);
    }

    /**
     * For reads of sensitive data (check-ins, repair plans): the caller's membership; an integration token also
     * needs every current member's consent (403 {@code consent-required}).
     */
    public Membership requireSensitiveReadable(UUID accountId, UUID partnershipId) {
        Membership membership = requireMember(accountId, partnershipId);
        if (integration().isPresent() && !sensitiveConsentGiven(partnershipId)) {
            throw new ProblemException(
                    ProblemType.CONSENT_REQUIRED,
                    "Integrations may read this partnership's check-ins and repair plans only when every member"
                            + " allows it (PUT /v1/partnerships/{partnershipId}/integration-consent).");
        }
        return membership;
    }

    /** Whether every current member lets integrations read the partnership's check-ins and repair plans. */
    public boolean sensitiveConsentGiven(UUID partnershipId) {
        return PartnershipMember.count(
                        "partnershipId = ?1 and former = false and integrationConsent = false", partnershipId)
                == 0;
    }

    /** The viewer of integrations: a member of nothing, so that every entry is seen as a partner would see it. */
    public static final UUID NOBODY = new UUID(0, 0);

    /**
     * Whose eyes a read of member data uses: the member's own, or for an integration token nobody's, so that it sees
     * check-ins as a partner would (sealed while open, then shared fields only), never a private answer.
     */
    public UUID reader(UUID accountId) {
        return byIntegration() ? NOBODY : accountId;
    }

    /** Whether the current request came with an integration token (then private and member-only data stay out). */
    public boolean byIntegration() {
        return integration().isPresent();
    }

    private Optional<IntegrationGrant> integration() {
        // Sweeps and other background work run without a request: no token, no restriction.
        return Arc.container().requestContext().isActive() ? caller.integration() : Optional.empty();
    }

    /** The caller's partnership and seat in it. */
    public record Membership(Partnership partnership, PartnershipMember self) {}

    /** For reads: the caller's membership, or a 404 problem. */
    public Membership requireMember(UUID accountId, UUID partnershipId) {
        return find(accountId, partnershipId, LockModeType.NONE);
    }

    /**
     * For writes: the caller's membership with the partnership row locked until the transaction ends (so that a
     * write and "end partnership" never interleave), or a 404 problem; a 409 problem when it has ended.
     */
    public Membership requireWritable(UUID accountId, UUID partnershipId) {
        Membership membership = find(accountId, partnershipId, LockModeType.NONE);
        // Lock the partnership row alone, in its own statement: every writer then takes the partnership first and
        // any seat after it. Locking both in the join took them in a plan-dependent order, which can deadlock.
        entityManager.refresh(membership.partnership(), LockModeType.PESSIMISTIC_WRITE);
        if (!membership.partnership().isActive()) {
            throw ended();
        }
        return membership;
    }

    /** For a member's own settings, which may change after the partnership ended: the membership, row locked. */
    public Membership requireMemberLocked(UUID accountId, UUID partnershipId) {
        Membership membership = find(accountId, partnershipId, LockModeType.NONE);
        entityManager.refresh(membership.partnership(), LockModeType.PESSIMISTIC_WRITE);
        return membership;
    }

    static ProblemException ended() {
        return new ProblemException(
                ProblemType.PARTNERSHIP_ENDED,
                "This partnership has ended; it stays readable but can no longer change.");
    }

    private Membership find(UUID accountId, UUID partnershipId, LockModeType lock) {
        if (restrictedTo().filter(only -> !only.equals(partnershipId)).isPresent()) {
            throw ProblemException.notFound("The partnership");
        }
        return entityManager
                .createQuery(MEMBERSHIP, Tuple.class)
                .setParameter("partnership", partnershipId)
                .setParameter("account", accountId)
                .setLockMode(lock)
                .getResultList()
                .stream()
                .findFirst()
                .map(row -> new Membership(
                        row.get("partnership", Partnership.class), row.get("self", PartnershipMember.class)))
                .orElseThrow(() -> ProblemException.notFound("The partnership"));
    }
}
