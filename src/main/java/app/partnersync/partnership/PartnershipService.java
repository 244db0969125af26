package app.partnersync.partnership;

import app.partnersync.account.Account;
import app.partnersync.common.KeysetCursor;
import app.partnersync.common.Listing;
import app.partnersync.common.Page;
import app.partnersync.common.PageRequest;
import app.partnersync.common.ProblemException;
import app.partnersync.common.ProblemType;
import app.partnersync.common.Versions;
import app.partnersync.partnership.PartnershipAccess.Membership;
import app.partnersync.sync.ChangeLog;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Makes, lists, names and ends partnerships; every read and write is scoped to the caller's memberships. */
@ApplicationScoped
@Transactional
public class PartnershipService {

    /** Sync type name of partnerships. */
    public static final String SYNC_TYPE = "partnership";

    static final String FORMER_MEMBER = "Former member";

    private final PartnershipAccess access;
    private final ChangeLog changes;
    private final PartnershipConfig config;
    private final Clock clock;

    public PartnershipService(PartnershipAccess access, ChangeLog changes, PartnershipConfig config, Clock clock) {
        this.access = access;
        this.changes = changes;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Pairs the inviter with the acceptor. Both accounts are locked (in id order, so two pairings never deadlock)
     * before the checks, so concurrent pairings cannot exceed the member limit or pair the same two accounts twice.
     */
    PartnershipView pair(Invitation invitation, UUID acceptorId) {
        UUID inviterId = invitation.inviterId;
        UUID low = inviterId.compareTo(acceptorId) < 0 ? inviterId : acceptorId;
        UUID high = low.equals(inviterId) ? acceptorId : inviterId;
        Account.find("id in ?1 order by id", List.of(low, high))
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .list();
        if (Partnership.count("status = ?1 and pairLow = ?2 and pairHigh = ?3", Partnership.Status.active, low, high)
                > 0) {
            throw new ProblemException(ProblemType.ALREADY_PARTNERS, "You two already share an active partnership.");
        }
        if (countActive(acceptorId) >= config.maxActive()) {
            throw limitReached("You already have the maximum number of active partnerships.");
        }
        if (countActive(inviterId) >= config.maxActive()) {
            throw limitReached("The inviter already has the maximum number of active partnerships.");
        }
        Instant now = clock.instant();
        Partnership partnership = new Partnership();
        partnership.id = UUID.randomUUID();
        partnership.kind = invitation.kind;
        partnership.status = Partnership.Status.active;
        partnership.pairLow = low;
        partnership.pairHigh = high;
        partnership.createdAt = now;
        partnership.updatedAt = now;
        partnership.persist();
        seat(partnership, inviterId, now);
        seat(partnership, acceptorId, now.plusNanos(1_000));
        invitation.partnershipId = partnership.id;
        announce(partnership);
        return views(List.of(partnership), acceptorId).get(0);
    }

    /** A 409 when the account cannot take another active partnership. */
    void requireRoomFor(UUID accountId) {
        if (countActive(accountId) >= config.maxActive()) {
            throw limitReached("You already have the maximum number of active partnerships (" + config.maxActive()
                    + "); end one before inviting someone new.");
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PartnershipView get(UUID accountId, UUID partnershipId) {
        return views(List.of(access.requireMember(accountId, partnershipId).partnership()), accountId)
                .get(0);
    }

    /** The caller's partnerships, newest first, optionally only active or only ended ones. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<PartnershipView> list(UUID accountId, Partnership.Status status, PageRequest page) {
        return Listing.where(ofAccount(":account"), "account", accountId)
                .equal("p.status", "status", status)
                .equal("p.id", "only", access.restrictedTo().orElse(null))
                .page(
                        page,
                        "p.createdAt",
                        "p.id",
                        (q, p) -> Partnership.<Partnership>find(q, p),
                        p -> new KeysetCursor(p.createdAt, p.id),
                        shown -> views(shown, accountId));
    }

    /** Every partnership of the account, for its data export. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PartnershipView> all(UUID accountId) {
        List<Partnership> partnerships = Partnership.list(ofAccount("?1") + " order by p.createdAt, p.id", accountId);
        return views(partnerships, accountId);
    }

    /** Sets the caller's own name (empty clears it), if the partnership is still at the version {@code ifMatch} names. */
    public PartnershipView rename(UUID accountId, UUID partnershipId, String displayName, String ifMatch) {
        Membership membership = access.requireWritable(accountId, partnershipId);
        Versions.requireMatch(ifMatch, membership.partnership().version, viewOf(membership.partnership(), accountId));
        membership.self().label = displayName.isBlank() ? null : displayName;
        // The caller's representation changed, so its version must too.
        membership.partnership().updatedAt = clock.instant();
        announce(membership.partnership());
        return viewOf(membership.partnership(), accountId);
    }

    /**
     * Sets whether the caller allows integrations to read the partnership's check-ins and repair plans; they may only
     * when every current member does. Allowed on an ended partnership too: it still governs reads.
     */
    public PartnershipView setIntegrationConsent(UUID accountId, UUID partnershipId, boolean allowed, String ifMatch) {
        Membership membership = access.requireMemberLocked(accountId, partnershipId);
        Versions.requireMatch(ifMatch, membership.partnership().version, viewOf(membership.partnership(), accountId));
        if (membership.self().integrationConsent != allowed) {
            membership.self().integrationConsent = allowed;
            membership.partnership().updatedAt = clock.instant();
            announce(membership.partnership());
        }
        return viewOf(membership.partnership(), accountId);
    }

    /** Ends the partnership for both members; it stays readable and exportable, nothing is deleted. */
    public PartnershipView end(UUID accountId, UUID partnershipId, String ifMatch) {
        Partnership partnership =
                access.requireWritable(accountId, partnershipId).partnership();
        Versions.requireMatch(ifMatch, partnership.version, viewOf(partnership, accountId));
        partnership.end(clock.instant(), Partnership.EndReason.ended_by_member);
        announce(partnership);
        return viewOf(partnership, accountId);
    }

    /** The caller's partnerships among {@code ids}, for the change feed. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PartnershipView> visible(UUID accountId, java.util.Collection<UUID> ids) {
        List<Partnership> partnerships = Partnership.list(ofAccount("?1") + " and p.id in ?2", accountId, ids);
        return views(partnerships, accountId);
    }

    /** The caller's partnerships with an id after {@code afterId}, in id order, for a sync snapshot. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PartnershipView> byId(UUID accountId, UUID afterId, int limit) {
        String query = ofAccount(":account") + (afterId == null ? "" : " and p.id > :after") + " order by p.id";
        Parameters parameters = Parameters.with("account", accountId);
        if (afterId != null) {
            parameters = parameters.and("after", afterId);
        }
        return views(
                Partnership.<Partnership>find(query, parameters)
                        .range(0, limit - 1)
                        .list(),
                accountId);
    }

    /** A member's public profile changed: every partnership it is in looks different to the partner now. */
    public void touchAllOf(UUID accountId) {
        Instant now = clock.instant();
        List<Partnership> partnerships = Partnership.<Partnership>find(ofAccount("?1") + " order by p.id", accountId)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .list();
        for (Partnership partnership : partnerships) {
            partnership.updatedAt = now;
            announce(partnership);
        }
    }

    /**
     * Erases the account from its partnerships: active ones end, and its seats become neutral former members so that
     * partners keep the shared history without the deleted person's data.
     */
    public void eraseMember(UUID accountId) {
        Instant now = clock.instant();
        List<PartnershipMember> seats = PartnershipMember.list("accountId", accountId);
        List<UUID> ids = seats.stream().map(seat -> seat.partnershipId).toList();
        if (!ids.isEmpty()) {
            Partnership.<Partnership>find("id in ?1 order by id", ids)
                    .withLock(LockModeType.PESSIMISTIC_WRITE)
                    .list()
                    .stream()
                    .forEach(partnership -> {
                        if (partnership.isActive()) {
                            partnership.end(now, Partnership.EndReason.member_deleted);
                        } else {
                            partnership.updatedAt = now; // the partner's view changes: a former member
                        }
                    });
        }
        for (PartnershipMember seat : seats) {
            seat.accountId = null;
            seat.label = null;
            seat.former = true;
        }
        Partnership.flush();
        for (UUID id : ids) {
            Partnership partnership = Partnership.findById(id);
            changes.upserted(SYNC_TYPE, id, partnership.version, ChangeLog.Scope.partnership(id));
        }
    }

    long countActive(UUID accountId) {
        return PartnershipMember.count(
                "accountId = ?1 and exists (select 1 from Partnership p where p.id = partnershipId and p.status = ?2)",
                accountId,
                Partnership.Status.active);
    }

    /** JPQL selecting the partnerships of the account bound as {@code account}, to which conditions can be added. */
    private static String ofAccount(String account) {
        return "select p from Partnership p where p.id in (" + Memberships.partnershipsOfAccount(account) + ")";
    }

    /** Flushes the change (so the version is current) and puts it in the change feed. */
    private void announce(Partnership partnership) {
        Partnership.flush();
        changes.upserted(SYNC_TYPE, partnership.id, partnership.version, ChangeLog.Scope.partnership(partnership.id));
    }

    private PartnershipView viewOf(Partnership partnership, UUID accountId) {
        return views(List.of(partnership), accountId).get(0);
    }

    private void seat(Partnership partnership, UUID accountId, Instant joinedAt) {
        PartnershipMember member = new PartnershipMember();
        member.id = UUID.randomUUID();
        member.partnershipId = partnership.id;
        member.accountId = accountId;
        member.joinedAt = joinedAt;
        member.persist();
    }

    /** Views of partnerships for {@code accountId}: two queries for any number of partnerships, none per row. */
    private List<PartnershipView> views(List<Partnership> partnerships, UUID accountId) {
        if (partnerships.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = partnerships.stream().map(p -> p.id).toList();
        Map<UUID, List<PartnershipMember>> seats =
                PartnershipMember.<PartnershipMember>list("partnershipId in ?1 order by joinedAt, id", ids).stream()
                        .collect(Collectors.groupingBy(seat -> seat.partnershipId));
        List<UUID> accountIds = seats.values().stream()
                .flatMap(List::stream)
                .map(seat -> seat.accountId)
                .filter(java.util.Objects::nonNull)
                .distinct()
                .toList();
        Map<UUID, Account> accounts = accountIds.isEmpty()
                ? Map.of()
                : Account.<Account>list("id in ?1", accountIds).stream()
                        .collect(Collectors.toMap(a -> a.id, Function.identity()));
        List<PartnershipView> views = new ArrayList<>();
        for (Partnership partnership : partnerships) {
            List<PartnershipMember> members = seats.getOrDefault(partnership.id, List.of());
            String label = members.stream()
                    .filter(seat -> accountId.equals(seat.accountId))
                    .findFirst()
                    .map(seat -> seat.label)
                    .orElse(null);
            List<PartnershipView.MemberView> memberViews = members.stream()
                    .sorted(Comparator.comparing((PartnershipMember seat) -> seat.joinedAt))
                    .map(seat -> member(seat, accounts.get(seat.accountId), accountId))
                    .toList();
            views.add(new PartnershipView(
                    partnership.id,
                    partnership.kind,
                    partnership.status,
                    label,
                    memberViews,
                    partnership.createdAt,
                    partnership.updatedAt,
                    partnership.endedAt,
                    partnership.endedReason,
                    partnership.version));
        }
        return views;
    }

    private static PartnershipView.MemberView member(PartnershipMember seat, Account account, UUID caller) {
        if (seat.former || account == null) {
            return new PartnershipView.MemberView(null, FORMER_MEMBER, null, true, false, false);
        }
        return new PartnershipView.MemberView(
                account.id,
                account.displayName,
                account.timeZone,
                false,
                account.id.equals(caller),
                seat.integrationConsent);
    }

    private static ProblemException limitReached(String detail) {
        return new ProblemException(ProblemType.PARTNERSHIP_LIMIT, detail);
    }
}
