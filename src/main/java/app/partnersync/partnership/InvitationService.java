package app.partnersync.partnership;

import app.partnersync.account.Account;
import app.partnersync.common.KeysetCursor;
import app.partnersync.common.Listing;
import app.partnersync.common.Page;
import app.partnersync.common.PageRequest;
import app.partnersync.common.ProblemException;
import app.partnersync.common.ProblemType;
import app.partnersync.common.RateLimitConfig;
import app.partnersync.common.RateLimiter;
import app.partnersync.common.RequestQuotas;
import app.partnersync.sync.ChangeLog;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Creates, previews, accepts, withdraws and lists pairing invitations. */
@ApplicationScoped
@Transactional
public class InvitationService {

    /** Sync type name of invitations. */
    public static final String SYNC_TYPE = "invitation";

    private final PartnershipService partnerships;
    private final RateLimiter rateLimiter;
    private final ChangeLog changes;
    private final PartnershipConfig config;
    private final RateLimitConfig rateLimits;
    private final RequestQuotas quotas;
    private final Clock clock;

    public InvitationService(
            PartnershipService partnerships,
            RateLimiter rateLimiter,
            ChangeLog changes,
            PartnershipConfig config,
            RateLimitConfig rateLimits,
            RequestQuotas quotas,
            Clock clock) {
        this.partnerships = partnerships;
        this.rateLimiter = rateLimiter;
        this.changes = changes;
        this.config = config;
        this.rateLimits = rateLimits;
        this.quotas = quotas;
        this.clock = clock;
    }

    /** Version of an invitation in the sync feed: it only ever moves from open to one final status. */
    static long versionOf(Invitation.Status status) {
        return status == Invitation.Status.open ? 0 : 1;
    }

    /** The caller's own invitations among {@code ids} that still exist for them (withdrawn ones do not). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<InvitationView> visible(UUID accountId, java.util.Collection<UUID> ids) {
        Instant now = clock.instant();
        return Invitation.<Invitation>list(
                        "inviterId = ?1 and id in ?2 and status <> ?3", accountId, ids, Invitation.Status.withdrawn)
                .stream()
                .map(i -> view(i, now))
                .toList();
    }

    /** The caller's invitations that still exist for them, by id, for a sync snapshot. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<InvitationView> byId(UUID accountId, UUID afterId, int limit) {
        Instant now = clock.instant();
        String query = "inviterId = :account and status <> :withdrawn" + (afterId == null ? "" : " and id > :after")
                + " order by id";
        Parameters parameters = Parameters.with("account", accountId).and("withdrawn", Invitation.Status.withdrawn);
        if (afterId != null) {
            parameters = parameters.and("after", afterId);
        }
        return Invitation.<Invitation>find(query, parameters).range(0, limit - 1).list().stream()
                .map(i -> view(i, now))
                .toList();
    }

    public InvitationView create(UUID accountId, CreateInvitationRequest request) {
        partnerships.requireRoomFor(accountId);
        Instant now = clock.instant();
        Invitation invitation = new Invitation();
        invitation.id = UUID.randomUUID();
        invitation.code = freshCode();
        invitation.inviterId = accountId;
        invitation.kind = request.kind();
        invitation.message = request.message() == null || request.message().isBlank() ? null : request.message();
        invitation.status = Invitation.Status.open;
        invitation.createdAt = now;
        invitation.expiresAt = now.plus(config.invitationLifetime());
        invitation.persist();
        changes.upserted(SYNC_TYPE, invitation.id, 0, ChangeLog.Scope.account(accountId));
        return view(invitation, now);
    }

    /** The caller's invitations that can still be accepted, newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<InvitationView> listOpen(UUID accountId, PageRequest page) {
        Instant now = clock.instant();
        return Listing.where("inviterId = :account", "account", accountId)
                .equal("status", "open", Invitation.Status.open)
                .filter("expiresAt > :now", "now", now)
                .page(
                        page,
                        "createdAt",
                        "id",
                        (q, p) -> Invitation.<Invitation>find(q, p),
                        i -> new KeysetCursor(i.createdAt, i.id),
                        shown -> shown.stream().map(i -> view(i, now)).toList());
    }

    /** Every invitation the account created, for its data export. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<InvitationView> all(UUID accountId) {
        Instant now = clock.instant();
        return Invitation.<Invitation>list("inviterId = ?1 order by createdAt, id", accountId).stream()
                .map(i -> view(i, now))
                .toList();
    }

    /** What a code invites to; any signed-in account may look, within its attempt limit. */
    public InvitationPreview preview(UUID accountId, String key) {
        countAttempt(accountId);
        Instant now = clock.instant();
        Invitation invitation = byKey(accountId, key, LockModeType.NONE);
        invitation.requireAcceptableAt(now);
        String inviter = Account.<Account>findByIdOptional(invitation.inviterId)
                .map(account -> account.displayName)
                .orElseThrow(() -> ProblemException.notFound("The invitation"));
        return new InvitationPreview(
                InvitationCodes.display(invitation.code),
                invitation.kind,
                new InvitationPreview.Inviter(inviter),
                invitation.message,
                invitation.expiresAt);
    }

    /**
     * Accepts a code and makes the partnership. The invitation row is locked first, so of two people accepting one
     * code at the same moment exactly one wins; the other finds it used (410).
     */
    public PartnershipView accept(UUID accountId, String key) {
        countAttempt(accountId);
        Instant now = clock.instant();
        Invitation invitation = InvitationCodes.normalise(key)
                .flatMap(code -> Invitation.<Invitation>find("code", code)
                        .withLock(LockModeType.PESSIMISTIC_WRITE)
                        .<Invitation>firstResultOptional())
                .orElseThrow(() -> ProblemException.notFound("The invitation"));
        invitation.requireAcceptableAt(now);
        if (invitation.inviterId.equals(accountId)) {
            throw new ProblemException(
                    ProblemType.OWN_INVITATION, "This is your own invitation; share it with the person to pair with.");
        }
        PartnershipView partnership = partnerships.pair(invitation, accountId);
        invitation.status = Invitation.Status.accepted;
        invitation.acceptedAt = now;
        invitation.acceptedBy = accountId;
        changes.upserted(SYNC_TYPE, invitation.id, 1, ChangeLog.Scope.account(invitation.inviterId));
        return partnership;
    }

    /** Withdraws one of the caller's open invitations. */
    public void withdraw(UUID accountId, String key) {
        Invitation invitation = byKey(accountId, key, LockModeType.PESSIMISTIC_WRITE);
        if (!invitation.inviterId.equals(accountId)) {
            throw ProblemException.notFound("The invitation");
        }
        invitation.requireAcceptableAt(clock.instant());
        invitation.status = Invitation.Status.withdrawn;
        changes.deleted(SYNC_TYPE, invitation.id, 1, ChangeLog.Scope.account(accountId));
    }

    /** Removes every invitation the account created (their messages are its data). */
    public void erase(UUID accountId) {
        Invitation.delete("inviterId", accountId);
    }

    /** A code finds any invitation; an id finds only the caller's own. */
    private Invitation byKey(UUID accountId, String key, LockModeType lock) {
        Optional<Invitation> found = InvitationCodes.normalise(key)
                .flatMap(code ->
                        Invitation.<Invitation>find("code", code).withLock(lock).<Invitation>firstResultOptional());
        if (found.isEmpty()) {
            found = uuid(key)
                    .flatMap(id -> Invitation.<Invitation>find("id = ?1 and inviterId = ?2", id, accountId)
                            .withLock(lock)
                            .<Invitation>firstResultOptional());
        }
        return found.orElseThrow(() -> ProblemException.notFound("The invitation"));
    }

    private void countAttempt(UUID accountId) {
        rateLimiter.acquire(
                "invitation-ip",
                quotas.clientAddress(),
                rateLimits.invitationAttemptsPerIp(),
                rateLimits.attemptWindow());
        rateLimiter.acquire(
                "invitation-account",
                accountId.toString(),
                config.invitationAttempts(),
                config.invitationAttemptWindow());
    }

    private static String freshCode() {
        // 30^8 codes: a collision is rare enough that trying again is cheaper than any coordination.
        for (int attempt = 0; attempt < 5; attempt++) {
            String code = InvitationCodes.generate();
            if (Invitation.count("code", code) == 0) {
                return code;
            }
        }
        throw new IllegalStateException("no free invitation code after 5 attempts");
    }

    private InvitationView view(Invitation invitation, Instant now) {
        String code = InvitationCodes.display(invitation.code);
        return new InvitationView(
                invitation.id,
                code,
                invitation.kind,
                invitation.message,
                invitation.visibleStatusAt(now),
                invitation.createdAt,
                invitation.expiresAt,
                config.shareUrlBase() + code,
                invitation.partnershipId);
    }

    private static Optional<UUID> uuid(String text) {
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
