package app.partnersync.auth;

import app.partnersync.common.PooledConnections;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
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
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * The sessions that ended within the lifetime of an access token, held in memory on every instance, so that {@link
 * SessionGuard} can refuse their tokens without a database round trip per request.
 *
 * <p>An access token can only name a session that was active when the token was issued, and it lives at most {@link
 * AuthConfig#accessTokenLifetime()}: a session that ended longer ago than that has no usable token left. So the list of
 * sessions that ended more recently is all the guard needs. The database keeps it complete: a trigger records every
 * ended session in {@code ended_session}, whichever statement ended it, and NOTIFYs {@code partnersync_sessions} on
 * commit. Each instance LISTENs on one connection, loads the table after LISTEN (so nothing falls between the two),
 * and only then calls itself {@link #complete()}. While it is not complete — at startup, or after the LISTEN
 * connection was lost, until it is back and reloaded — the guard asks the database instead, as before. The instance
 * that ends a session also records it the moment its transaction commits, so its own next request never races the
 * notification.
 */
@ApplicationScoped
public class EndedSessions {

    private static final Logger LOG = Logger.getLogger(EndedSessions.class);
    static final String CHANNEL = "partnersync_sessions";
    /** How operators (and a test) find the listening backend in {@code pg_stat_activity}. */
    static final String APPLICATION_NAME = "partner-sync ended-sessions listener";
    /** Above this many recent endings (a flood of sign-outs) the guard goes back to the database rather than grow. */
    static final int MAX_HELD = 200_000;

    private static final long PING_MILLIS = 5_000;
    private static final int NETWORK_TIMEOUT_MILLIS = 15_000;

    private final AgroalDataSource dataSource;
    private final TransactionSynchronizationRegistry transactions;
    private final long keepMillis;
    /** Session id → when it may be forgotten (epoch millis). */
    private final Map<UUID, Long> ended = new ConcurrentHashMap<>();

    private volatile boolean complete;
    private volatile boolean running;
    private Thread listener;

    public EndedSessions(
            AgroalDataSource dataSource, TransactionSynchronizationRegistry transactions, AuthConfig config) {
        this.dataSource = dataSource;
        this.transactions = transactions;
        // A token's lifetime, the verifier's clock skew, and a margin for clocks of instances and database.
        this.keepMillis =
                config.accessTokenLifetime().plus(Duration.ofMinutes(5)).toMillis();
    }

    void start(@Observes StartupEvent event) {
        running = true;
        listener = new Thread(this::listen, "ended-sessions-listener");
        listener.setDaemon(true);
        listener.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        complete = false;
        if (listener != null) {
            listener.interrupt();
        }
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

    private void remember(String payload, long endedAtMillis) {
        try {
            remember(UUID.fromString(payload), endedAtMillis);
        } catch (IllegalArgumentException e) {
            LOG.warnf("ended sessions: ignored a notification that names no session: %.40s", payload);
        }
    }

    private void remember(UUID sessionId, long endedAtMillis) {
        ended.merge(sessionId, endedAtMillis + keepMillis, Math::max);
    }

    private void listen() {
        long backoff = 500;
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                try {
                    connection.setAutoCommit(true);
                    connection.setNetworkTimeout(Runnable::run, NETWORK_TIMEOUT_MILLIS);
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("set application_name = '" + APPLICATION_NAME + "'");
                        statement.execute("LISTEN " + CHANNEL);
                    }
                    load(connection);
                    complete = true;
                    backoff = 500;
                    PGConnection pg = connection.unwrap(PGConnection.class);
                    long nextPing = System.currentTimeMillis() + PING_MILLIS;
                    while (running) {
                        PGNotification[] notifications = pg.getNotifications(1_000);
                        if (notifications != null) {
                            long now = System.currentTimeMillis();
                            for (PGNotification notification : notifications) {
                                remember(notification.getParameter(), now);
                            }
                        }
                        if (System.currentTimeMillis() >= nextPing) {
                            // A connection that died quietly would otherwise look like a quiet channel.
                            try (Statement statement = connection.createStatement()) {
                                statement.execute("select 1");
                            }
                            forgetExpired();
                            nextPing = System.currentTimeMillis() + PING_MILLIS;
                        }
                    }
                } catch (SQLException | RuntimeException e) {
                    complete = false;
                    PooledConnections.releaseListener(connection);
                    throw e;
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                LOG.warnf(
                        "ended sessions: lost the LISTEN connection (%s); checking sessions in the database until it is back",
                        e.getMessage());
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException interrupted) {
                    return;
                }
                backoff = Math.min(backoff * 2, 10_000);
            }
        }
        complete = false;
    }

    private void load(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "select session_id, ended_at from ended_session where ended_at > now() - make_interval(secs => "
                                + keepMillis / 1000 + ")")) {
            while (rows.next()) {
                remember(rows.getObject(1, UUID.class), rows.getTimestamp(2).getTime());
            }
        }
    }

    private void forgetExpired() {
        long now = System.currentTimeMillis();
        ended.values().removeIf(forgetAt -> forgetAt < now);
    }
}
