package app.partnersync.auth;

import app.partnersync.common.KeysetCursor;
import app.partnersync.common.Listing;
import app.partnersync.common.OpaqueTokens;
import app.partnersync.common.Page;
import app.partnersync.common.PageRequest;
import app.partnersync.common.RateLimitConfig;
import app.partnersync.common.RateLimiter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/** Opens, rotates, lists and ends login sessions. */
@ApplicationScoped
@Transactional
public class SessionService {

    private static final Logger LOG = Logger.getLogger(SessionService.class);
    private static final int MAX_TEXT = 100;
    private static final int MAX_USER_AGENT = 256;

    private final AccessTokens accessTokens;
    private final AuthConfig config;
    private final Clock clock;
    private final EndedSessions endedSessions;
    private final RateLimiter rateLimiter;
    private final RateLimitConfig rateLimits;

    public SessionService(
            AccessTokens accessTokens,
            AuthConfig config,
            Clock clock,
            EndedSessions endedSessions,
            RateLimiter rateLimiter,
            RateLimitConfig rateLimits) {
        this.accessTokens = accessTokens;
        this.config = config;
        this.clock = clock;
        this.endedSessions = endedSessions;
        this.rateLimiter = rateLimiter;
        this.rateLimits = rateLimits;
    }

    /** Starts a session for a device and hands out its first token pair. */
    public TokenPair open(UUID accountId, String deviceName, String userAgent) {
        Instant now = clock.instant();
        Session session = new Session();
        session.id = UUID.randomUUID();
        session.accountId = accountId;
        session.deviceName = clip(deviceName, MAX_TEXT);
        session.userAgent = clip(userAgent, MAX_USER_AGENT);
        session.createdAt = now;
        session.lastUsedAt = now;
        session.expiresAt = now.plus(config.refreshTokenLifetime());
        session.persist();
        return accessTokens.pair(accountId, session.id, session.createdAt, nextRefreshToken(session.id, now));
    }

    /**
     * Spends a refresh token and hands out the next pair. A token that was spent before means that two parties hold
     * the chain (a stolen token, or a client that lost an answer): the whole session ends, and the refusal commits.
     */
    public Optional<TokenPair> rotate(String refreshToken) {
        Instant now = clock.instant();
        Optional<RefreshToken> found = RefreshToken.<RefreshToken>find("tokenHash", OpaqueTokens.hash(refreshToken))
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        RefreshToken token = found.get();
        Session session = Session.findById(token.sessionId, LockModeType.PESSIMISTIC_WRITE);
        if (token.usedAt != null) {
            if (session.revokedAt == null) {
                LOG.infof("Refresh token reused: ending session %s", session.id);
            }
            if (session.revoke(now, Session.EndReason.refresh_reuse)) {
                endedSessions.endingInThisTransaction(List.of(session.id));
            }
            return Optional.empty();
        }
        if (!session.isActiveAt(now)) {
            return Optional.empty();
        }
        // Counted in a transaction of its own; a refusal rolls this one back, so the token stays unspent.
        rateLimiter.acquire(
                "refresh-account",
                session.accountId.toString(),
                rateLimits.refreshesPerAccount(),
                rateLimits.attemptWindow());
        token.usedAt = now;
        session.lastUsedAt = now;
        session.expiresAt = now.plus(config.refreshTokenLifetime());
        return Optional.of(
                accessTokens.pair(session.accountId, session.id, session.createdAt, nextRefreshToken(session.id, now)));
    }

    /** Ends one of the account's sessions; false when the account has no such active session. */
    public boolean end(UUID accountId, UUID sessionId, Session.EndReason reason) {
        return Session.<Session>find("id = ?1 and accountId = ?2 and revokedAt is null", sessionId, accountId)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional()
                .map(session -> {
                    session.revoke(clock.instant(), reason);
                    endedSessions.endingInThisTransaction(List.of(session.id));
                    return true;
                })
                .orElse(false);
    }

    /** Ends every active session of the account but {@code keep} ("sign out other devices"). */
    public int endAllExcept(UUID accountId, UUID keep, Session.EndReason reason) {
        @SuppressWarnings("unchecked")
        List<UUID> ended = Session.getEntityManager()
                .createNativeQuery(
                        "update auth_session set revoked_at = ?1, revoked_reason = ?2"
                                + " where account_id = ?3 and id <> ?4 and revoked_at is null returning id",
                        UUID.class)
                .setParameter(1, clock.instant())
                .setParameter(2, reason.stored())
                .setParameter(3, accountId)
                .setParameter(4, keep)
                .getResultList();
        endedSessions.endingInThisTransaction(ended);
        return ended.size();
    }

    /** The account's usable sessions, newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<SessionView> list(UUID accountId, UUID currentSessionId, PageRequest page) {
        return Listing.where("accountId = :account and revokedAt is null", "account", accountId)
                .filter("expiresAt > :now", "now", clock.instant())
                .page(
                        page,
                        "createdAt",
                        "id",
                        (q, p) -> Session.<Session>find(q, p),
                        session -> new KeysetCursor(session.createdAt, session.id),
                        shown -> shown.stream()
                                .map(s -> SessionView.of(s, currentSessionId))
                                .toList());
    }

    /** Every usable session of the account, oldest first, for its data export. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<SessionView> all(UUID accountId, UUID currentSessionId) {
        return Session.<Session>list(
                        "accountId = ?1 and revokedAt is null and expiresAt > ?2 order by createdAt, id",
                        accountId,
                        clock.instant())
                .stream()
                .map(session -> SessionView.of(session, currentSessionId))
                .toList();
    }

    /** Deletes every session of the account and its refresh tokens (they name its devices). */
    public void erase(UUID accountId) {
        endedSessions.endingInThisTransaction(Session.<Session>list("accountId", accountId).stream()
                .map(session -> session.id)
                .toList());
        RefreshToken.delete("sessionId in (select s.id from Session s where s.accountId = ?1)", accountId);
        Session.delete("accountId", accountId);
    }

    private String nextRefreshToken(UUID sessionId, Instant now) {
        String secret = OpaqueTokens.generate(OpaqueTokens.REFRESH);
        RefreshToken token = new RefreshToken();
        token.tokenHash = OpaqueTokens.hash(secret);
        token.sessionId = sessionId;
        token.createdAt = now;
        token.persist();
        return secret;
    }

    /** {@code text} cut to its first {@code max} code points; null when blank. */
    static String clip(String text, int max) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return text.codePointCount(0, text.length()) <= max ? text : text.substring(0, text.offsetByCodePoints(0, max));
    }
}
