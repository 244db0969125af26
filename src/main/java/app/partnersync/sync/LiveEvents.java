package app.partnersync.sync;

import app.partnersync.common.PooledConnections;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Fans changes out to the live streams connected to this instance, whichever instance wrote them: each instance
 * LISTENs on PostgreSQL's {@code partnersync_changes} channel (the change log's trigger NOTIFYs on commit). A change is
 * announced only once a pull can return it (its transaction is older than every one still in flight), so that a
 * client that pulls on the event never finds nothing. Nothing here is the only copy of anything: a stream that
 * reconnects resumes from the change feed.
 */
@ApplicationScoped
public class LiveEvents {

    private static final Logger LOG = Logger.getLogger(LiveEvents.class);
    private static final String CHANNEL = "partnersync_changes";

    private final AgroalDataSource dataSource;
    private final SyncService sync;
    private final SyncConfig config;
    private final ObjectMapper json;
    private final Map<UUID, Set<LiveStream>> streams = new ConcurrentHashMap<>();
    private final List<Pending> pending = new ArrayList<>();
    private ScheduledExecutorService timers;
    private volatile boolean running;
    private Thread listener;

    public LiveEvents(AgroalDataSource dataSource, SyncService sync, SyncConfig config, ObjectMapper json) {
        this.dataSource = dataSource;
        this.sync = sync;
        this.config = config;
        this.json = json;
    }

    /** A change waiting until older transactions have finished. */
    private record Pending(long txid, long seq, UUID partnershipId, UUID accountId) {}

    void start(@Observes StartupEvent event) {
        running = true;
        timers = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "live-events-timers"));
        long heartbeat = config.heartbeat().toMillis();
        timers.scheduleAtFixedRate(this::heartbeat, heartbeat, heartbeat, TimeUnit.MILLISECONDS);
        listener = daemon(this::listen, "live-events-listener");
        listener.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        timers.shutdownNow();
        listener.interrupt();
        streams.values().forEach(set -> set.forEach(LiveStream::close));
    }

    /** Registers a stream; it is told about every change visible to {@code accountId} until it closes. */
    void subscribe(LiveStream stream) {
        streams.compute(stream.accountId(), (id, set) -> {
            Set<LiveStream> live = set == null ? new CopyOnWriteArraySet<>() : set;
            live.add(stream);
            return live;
        });
        long untilExpiry = Math.max(
                0, Duration.between(java.time.Instant.now(), stream.expiresAt()).toMillis() - 2_000);
        timers.schedule(() -> stream.reauthenticate(() -> unsubscribe(stream)), untilExpiry, TimeUnit.MILLISECONDS);
    }

    void unsubscribe(LiveStream stream) {
        // The account's entry goes with its last stream: an entry per account that ever connected would only grow.
        streams.computeIfPresent(stream.accountId(), (id, set) -> {
            set.remove(stream);
            return set.isEmpty() ? null : set;
        });
    }

    int connected() {
        return streams.values().stream().mapToInt(Set::size).sum();
    }

    private void heartbeat() {
        streams.values()
                .forEach(set -> set.forEach(stream -> {
                    if (!stream.heartbeat()) {
                        unsubscribe(stream);
                    }
                }));
    }

    /** Holds one connection in LISTEN; reconnects with backoff and then tells every stream to pull, in case it missed something. */
    private void listen() {
        long backoff = 500;
        boolean reconnected = false;
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                try {
                    connection.setAutoCommit(true);
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("LISTEN " + CHANNEL);
                    }
                    if (reconnected) {
                        streams.values().forEach(set -> set.forEach(stream -> stream.change(null, null)));
                    }
                    backoff = 500;
                    PGConnection pg = connection.unwrap(PGConnection.class);
                    while (running) {
                        PGNotification[] notifications = pg.getNotifications(100);
                        if (notifications != null) {
                            for (PGNotification notification : notifications) {
                                queue(connection, notification.getParameter());
                            }
                        }
                        dispatch(connection);
                    }
                } catch (SQLException | RuntimeException e) {
                    PooledConnections.releaseListener(connection);
                    throw e;
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                LOG.warnf("live events: lost the LISTEN connection (%s); reconnecting", e.getMessage());
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

    private void queue(Connection connection, String payload) {
        try {
            JsonNode change = json.readTree(payload);
            if ("reminder".equals(change.path("kind").asText())) {
                remind(connection, change);
                return;
            }
            pending.add(new Pending(
                    Long.parseLong(change.get("txid").asText()),
                    change.get("seq").asLong(),
                    uuid(change.get("partnershipId")),
                    uuid(change.get("accountId"))));
        } catch (Exception e) {
            LOG.warnf("live events: unreadable notification skipped: %s", e.getMessage());
        }
    }

    /** Announces the pending changes that a pull can now return; later ones wait for older transactions to end. */
    private void dispatch(Connection connection) throws SQLException {
        if (pending.isEmpty()) {
            return;
        }
        long oldestInFlight;
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("select pg_snapshot_xmin(pg_current_snapshot())::text")) {
            row.next();
            oldestInFlight = Long.parseLong(row.getString(1));
        }
        List<Pending> ready = new ArrayList<>();
        pending.removeIf(change -> change.txid() < oldestInFlight && ready.add(change));
        if (streams.isEmpty()) {
            // Nobody to tell now. Changes not yet pullable stay pending, though: a stream that connects before they
            // are could not have pulled them, and hears of them when they are.
            return;
        }
        for (Pending change : ready) {
            for (UUID accountId : audience(connection, change)) {
                Set<LiveStream> set = streams.get(accountId);
                if (set != null) {
                    String cursor = sync.cursorBefore(change.txid(), change.seq());
                    set.forEach(stream -> stream.change(change.txid() + "-" + change.seq(), cursor));
                }
            }
        }
    }

    /**
     * A reminder was claimed (once, by whichever instance swept it) and committed: tell the streams of its audience,
     * the promiser of a commitment reminder or else every current member of the partnership, and nobody else.
     */
    private void remind(Connection connection, JsonNode reminder) throws SQLException {
        UUID promiser = uuid(reminder.get("promiser"));
        UUID partnershipId = uuid(reminder.get("partnershipId"));
        String event = reminder.path("event").asText();
        String data = reminder.path("data").toString();
        Set<UUID> audience =
                promiser != null ? Set.of(promiser) : members(connection, uuid(reminder.get("partnershipId")));
        for (UUID accountId : audience) {
            Set<LiveStream> set = streams.get(accountId);
            if (set != null) {
                set.forEach(stream -> stream.event(partnershipId, event, data));
            }
        }
    }

    private Set<UUID> audience(Connection connection, Pending change) throws SQLException {
        return change.accountId() != null ? Set.of(change.accountId()) : members(connection, change.partnershipId());
    }

    private Set<UUID> members(Connection connection, UUID partnershipId) throws SQLException {
        Set<UUID> members = new HashSet<>();
        if (partnershipId == null) {
            return members;
        }
        try (PreparedStatement query = connection.prepareStatement(
                "select account_id from partnership_member where partnership_id = ? and account_id is not null")) {
            query.setObject(1, partnershipId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    members.add(rows.getObject(1, UUID.class));
                }
            }
        }
        return members;
    }

    private static UUID uuid(JsonNode node) {
        return node == null || node.isNull() ? null : UUID.fromString(node.asText());
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }
}
