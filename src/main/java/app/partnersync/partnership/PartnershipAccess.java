package app.partnersync.partnership;

import app.partnersync.common.ProblemException;
import app.partnersync.common.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.UUID;

/**
 * The membership check that every path under {@code /v1/partnerships/{partnershipId}} goes through. The caller's
 * account is part of the query itself, so a partnership the caller is not in is never loaded, and it answers 404
 * exactly like one that does not exist.
 */
@ApplicationScoped
public class PartnershipAccess {

    private static final String MEMBERSHIP = "select p, m from Partnership p, PartnershipMember m"
            + " where m.partnershipId = p.id and p.id = :partnership and m.accountId = :account";

    private final EntityManager entityManager;

    public PartnershipAccess(EntityManager entityManager) {
        this.entityManager = entityManager;
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

    static ProblemException ended() {
        return new ProblemException(
                ProblemType.PARTNERSHIP_ENDED,
                "This partnership has ended; it stays readable but can no longer change.");
    }

    private Membership find(UUID accountId, UUID partnershipId, LockModeType lock) {
        List<Object[]> rows = entityManager
                .createQuery(MEMBERSHIP, Object[].class)
                .setParameter("partnership", partnershipId)
                .setParameter("account", accountId)
                .setLockMode(lock)
                .getResultList();
        if (rows.isEmpty()) {
            throw ProblemException.notFound("The partnership");
        }
        return new Membership((Partnership) rows.get(0)[0], (PartnershipMember) rows.get(0)[1]);
    }
}
