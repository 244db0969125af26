package app.partnersync.sync;

import app.partnersync.common.OpaqueTokens;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Stream tickets: what a browser's EventSource, which cannot send an Authorization header, opens the live stream
 * with. A member's access token buys one ({@link #issue}); the stream spends it ({@link #claim}). Only the SHA-256 of
 * the secret is stored, it is accepted for {@link SyncConfig#streamTicketLifetime()}, and it is spent by one
 * {@code DELETE … RETURNING}, so that of two instances (or two requests) racing for it exactly one gets it.
 */
@ApplicationScoped
public class StreamTickets {

    private static final String INSERT = "insert into stream_ticket"
            + " (ticket_hash, account_id, session_id, access_expires_at, expires_at, created_at)"
            + " values (?1, ?2, ?3, ?4, ?5, ?6)";

    private static final String CLAIM = "delete from stream_ticket"
            + " where ticket_hash = ? and expires_at > ? and access_expires_at > ?"
            + " returning account_id, session_id, access_expires_at";

    /** What a spent ticket stands for: the member, the session it was made in, and when that access ends. */
    public record Claimed(UUID accountId, UUID sessionId, Instant accessExpiresAt) {}

    private final EntityManager entityManager;
    private final AgroalDataSource dataSource;
    private final SyncConfig config;
    private final Clock clock;

    public StreamTickets(EntityManager entityManager, AgroalDataSource dataSource, SyncConfig config, Clock clock) {
        this.entityManager = entityManager;
        this.dataSource = dataSource;
        this.config = config;
        this.clock = clock;
    }

    /** A new ticket for the session of an access token that expires at {@code accessExpiresAt}. */
    @Transactional
    public StreamTicket issue(UUID accountId, UUID sessionId, Instant accessExpiresAt) {
        String secret = OpaqueTokens.generate(OpaqueTokens.STREAM_TICKET);
        Instant now = clock.instant();
        Instant expiresAt = now.plus(config.streamTicketLifetime());
        entityManager
                .createNativeQuery(INSERT)
                .setParameter(1, OpaqueTokens.hash(secret))
                .setParameter(2, accountId)
                .setParameter(3, sessionId)
                .setParameter(4, accessExpiresAt)
                .setParameter(5, expiresAt)
                .setParameter(6, now)
                .executeUpdate();
        return new StreamTicket(secret, expiresAt);
    }

    /**
     * Spends a ticket: what it stood for, or empty when it is unknown, spent, expired, or its access token has
     * expired. Plain JDBC on its own connection: it runs while a request is authenticated, before any transaction.
     */
    Optional<Claimed> claim(String secret) {
        if (secret == null || !secret.startsWith(OpaqueTokens.STREAM_TICKET) || secret.length() > 100) {
            return Optional.empty();
        }
        Timestamp now = Timestamp.from(clock.instant());
        try (Connection connection = dataSource.getConnection();
                PreparedStatement claim = connection.prepareStatement(CLAIM)) {
            claim.setString(1, OpaqueTokens.hash(secret));
            claim.setTimestamp(2, now);
            claim.setTimestamp(3, now);
            try (ResultSet row = claim.executeQuery()) {
                return row.next()
                        ? Optional.of(new Claimed(
                                row.getObject(1, UUID.class),
                                row.getObject(2, UUID.class),
                                row.getTimestamp(3).toInstant()))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not claim a stream ticket", e);
        }
    }
}
