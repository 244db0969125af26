package app.partnersync.auth;

import app.partnersync.sync.Listener;
import app.partnersync.sync.LiveEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * The sessions that ended within the lifetime of an access token, held in memory on every instance, so that {@link
 * SessionGuard} can refuse their tokens without a database round trip per request.
 *
 * <p>An access token can only name a session that was active when the token was issued, and it lives at most {@link
 * AuthConfig#accessTokenLifetime()}: a session that ended longer ago than that has no usable token left. So the list of
 * sessions that ended more recently is all the guard needs. The database keeps it complete: a trigger records every
 * ended session in {@code ended_session}, whichever statement ended it, and notifies {@value #CHANNEL} on commit.
 * Each instance hears it through its one {@link Listener}, loads the table once listening (so nothing falls between
 * the two), and only then calls itself {@link #complete()}. While it is not complete — at startup, or after the
 * listener's connection was lost, until it is back and reloaded — the guard asks the database instead, as before.
 * The instance that ends a session also records it the moment its transaction commits, so its own next request never
 * races the notification.
 */
@ApplicationScoped
public class EndedSessions implements Listener.Channel {

    private static final Logger LOG = Logger.getLogger(EndedSessions.class);
    static final String CHANNEL = "partnersync_sessions";
    /** Above this many recent endings (a flood of sign-outs) the guard goes back to the database rather than grow. */
    static final int MAX_HELD = 200_000;

    private final TransactionSynchronizationRegistry transactions;
    private final LiveEvents liveEvents;
    private final long keepMillis;
    /** Session id → when it may be forgotten (epoch millis). */
    private final Map<UUID, Long> ended = new ConcurrentHashMap<>();

    private volatile boolean complete;

    public EndedSessions(TransactionSynchronizationRegistry transactions, AuthConfig config, LiveEvents liveEvents) {
        this.transactions = transactions;
        this.liveEvents = liveEvents;
        // A token's lifetime, the verifier's clock skew, and a margin for clocks of instances and database.
        this.keepMillis =
                config.accessTokenLifetime().plus(Duration.ofMinutes(5)).toMillis();
    }

    /** Whether this instance knows every session that ended within an access token's lifetime. */
    boolean complete() {
        return complete && ended.size() < MAX_HELD;
    }

    /** Whether the session is known to have ended; meaningful only while {@link #complete()}. */
    boolean hasEnded(UUID sessionId) {
        return ended.containsKey(sessionId);
    }

    /**
     * Records sessions that the current transaction ends, on this instance, as soon as it commits. Other instances
     * learn of them from the trigger's notification.
     */
    void endingInThisTransaction(Collection<UUID> sessionIds) {
        if (sessionIds.isEmpty()) {
            return;
        }
        List<UUID> ids = List.copyOf(sessionIds);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    ids.forEach(id -> remember(id, System.currentTimeMillis()));
                }
            }
        });
    }

    @Override
    public String name() {
        return CHANNEL;
    }

    @Override
    public void listening(Connection connection, boolean reconnected) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "select session_id, ended_at from ended_session where ended_at > now() - make_interval(secs => "
                                + keepMillis / 1000 + ")")) {
            while (rows.next()) {
                remember(rows.getObject(1, UUID.class), rows.getTimestamp(2).getTime());
            }
        }
        complete = true;
    }

    @Override
    public void notified(Connection connection, String payload) {
        try {
            remember(UUID.fromString(payload), System.currentTimeMillis());
        } catch (IllegalArgumentException e) {
            LOG.warnf("ended sessions: ignored a notification that names no session: %.40s", payload);
        }
    }

    @Override
    public void alive() {
        long now = System.currentTimeMillis();
        ended.values().removeIf(forgetAt -> forgetAt < now);
    }

    /** Until the listener is back and has reloaded, the guard checks sessions in the database. */
    @Override
    public void lost() {
        complete = false;
    }

    private void remember(UUID sessionId, long endedAtMillis) {
        ended.merge(sessionId, endedAtMillis + keepMillis, Math::max);
        // The live streams of the session end with it, on every instance (this runs on each for each ending).
        liveEvents.sessionEnded(sessionId);
    }
}
