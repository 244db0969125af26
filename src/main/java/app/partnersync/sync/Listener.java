package app.partnersync.sync;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * The one connection of each instance that listens to PostgreSQL's notifications, for every {@link Channel} there is
 * (live events, ended sessions). It waits at most {@value #POLL_MILLIS} ms at a time, pings the server every {@value
 * #PING_MILLIS} ms with a network timeout of {@value #NETWORK_TIMEOUT_MILLIS} ms, so that a connection that died
 * quietly is noticed rather than taken for a quiet channel (decision 010), and reconnects with backoff. After every
 * (re)connection each channel catches up before it hears anything new, so nothing falls between two connections.
 */
@ApplicationScoped
public class Listener {

    private static final Logger LOG = Logger.getLogger(Listener.class);

    /** How operators (and tests) find the listening backend in {@code pg_stat_activity}. */
    public static final String APPLICATION_NAME = "partner-sync listener";

    static final long POLL_MILLIS = 100;
    static final long PING_MILLIS = 5_000;
    static final int NETWORK_TIMEOUT_MILLIS = 15_000;

    /** What listens on one channel. Every method runs on the listener's thread, on its connection. */
    public interface Channel {

        /** The channel's name, as NOTIFY names it. */
        String name();

        /**
         * Listening on a new connection, before any notification arrives on it: catch up with whatever may have
         * been missed while there was none ({@code reconnected}: there was one before, which was lost).
         */
        void listening(Connection connection, boolean reconnected) throws SQLException;

        /** A notification of this channel arrived (delivered when the notifying transaction committed). */
        void notified(Connection connection, String payload) throws SQLException;

        /** After every wait for notifications, at least every {@value #POLL_MILLIS} ms. */
        default void idle(Connection connection) throws SQLException {}

        /** After every ping that found the connection alive: a moment for housekeeping. */
        default void alive() {}

        /** The connection is gone (or the instance stops): whatever is known only through it may be incomplete. */
        default void lost() {}
    }

    private final AgroalDataSource dataSource;
    private final Instance<Channel> channelBeans;
    private List<Channel> channels = List.of();
    private volatile boolean running;
    private Thread thread;

    public Listener(AgroalDataSource dataSource, Instance<Channel> channels) {
        this.dataSource = dataSource;
        this.channelBeans = channels;
    }

    void start(@Observes StartupEvent event) {
        channels = channelBeans.stream().toList();
        running = true;
        thread = new Thread(this::listen, "postgres-listener");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
        channels.forEach(Channel::lost);
    }

    private void listen() {
        long backoff = 500;
        boolean reconnected = false;
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                try {
                    listenOn(connection, reconnected);
                    backoff = 500;
                    poll(connection);
                } catch (SQLException | RuntimeException e) {
                    channels.forEach(Channel::lost);
                    PooledConnections.releaseListener(connection);
                    throw e;
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                LOG.warnf("listener: lost the connection to PostgreSQL (%s); reconnecting", e.getMessage());
                reconnected = true;
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException interrupted) {
                    return;
                }
                backoff = Math.min(backoff * 2, 10_000);
            }
        }
    }

    private void listenOn(Connection connection, boolean reconnected) throws SQLException {
        connection.setAutoCommit(true);
        connection.setNetworkTimeout(Runnable::run, NETWORK_TIMEOUT_MILLIS);
        try (Statement statement = connection.createStatement()) {
            statement.execute("set application_name = '" + APPLICATION_NAME + "'");
            for (Channel channel : channels) {
                statement.execute("LISTEN " + channel.name());
            }
        }
        // Only once LISTEN is in place: what a channel loads now and what it hears next leave no gap between them.
        for (Channel channel : channels) {
            channel.listening(connection, reconnected);
        }
    }

    private void poll(Connection connection) throws SQLException {
        PGConnection pg = connection.unwrap(PGConnection.class);
        long nextPing = System.currentTimeMillis() + PING_MILLIS;
        while (running) {
            PGNotification[] notifications = pg.getNotifications((int) POLL_MILLIS);
            if (notifications != null) {
                for (PGNotification notification : notifications) {
                    for (Channel channel : channels) {
                        if (channel.name().equals(notification.getName())) {
                            channel.notified(connection, notification.getParameter());
                        }
                    }
                }
            }
            for (Channel channel : channels) {
                channel.idle(connection);
            }
            if (System.currentTimeMillis() >= nextPing) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("select 1");
                }
                channels.forEach(Channel::alive);
                nextPing = System.currentTimeMillis() + PING_MILLIS;
            }
        }
    }
}
