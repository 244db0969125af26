package app.partnersync.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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

/**
 * Fans changes, reminders and notices out to the live streams connected to this instance, whichever instance wrote
 * them: a {@link Listener.Channel} on {@link Announcements#CHANNEL}, where the change log's trigger notifies each
 * change and {@link Announcements} each reminder and notice, on commit. A change is announced only once a pull can
 * return it (its transaction is older than every one still in flight), so that a client that pulls on the event
 * never finds nothing. Nothing here is the only copy of anything: a stream that reconnects resumes from the change
 * feed.
 */
@ApplicationScoped
public class LiveEvents implements Listener.Channel {

    private static final Logger LOG = Logger.getLogger(LiveEvents.class);

    private final SyncService sync;
    private final Audience audience;
    private final SyncConfig config;
    private final ObjectMapper json;
    private final Map<UUID, Set<LiveStream>> streams = new ConcurrentHashMap<>();
    /** The members' streams by session, so that a session's end closes its streams without a search. */
    private final Map<UUID, Set<LiveStream>> bySession = new ConcurrentHashMap<>();

    private final List<Pending> pending = new ArrayList<>();
    private ScheduledExecutorService timers;

    public LiveEvents(SyncService sync, Audience audience, SyncConfig config, ObjectMapper json) {
        this.sync = sync;
        this.audience = audience;
        this.config = config;
        this.json = json;
    }

    /** A change waiting until older transactions have finished. */
    private record Pending(long txid, long seq, UUID partnershipId, UUID accountId) {}

    void start(@Observes StartupEvent event) {
        timers = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "live-events-timers");
            thread.setDaemon(true);
            return thread;
        });
        long heartbeat = config.heartbeat().toMillis();
        timers.scheduleAtFixedRate(this::heartbeat, heartbeat, heartbeat, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        timers.shutdownNow();
        streams.values().forEach(set -> set.forEach(LiveStream::close));
    }

    /** Registers a stream; it is told about every change visible to {@code accountId} until it closes. */
    void subscribe(LiveStream stream) {
        streams.compute(stream.accountId(), (id, set) -> {
            Set<LiveStream> live = set == null ? new CopyOnWriteArraySet<>() : set;
            live.add(stream);
            return live;
        });
        if (stream.sessionId() != null) {
            bySession.compute(stream.sessionId(), (id, set) -> {
                Set<LiveStream> live = set == null ? new CopyOnWriteArraySet<>() : set;
                live.add(stream);
                return live;
            });
        }
        long untilExpiry =
                Math.max(0, Duration.between(Instant.now(), stream.expiresAt()).toMillis() - 2_000);
        timers.schedule(() -> stream.reauthenticate(() -> unsubscribe(stream)), untilExpiry, TimeUnit.MILLISECONDS);
    }

    void unsubscribe(LiveStream stream) {
        // The account's entry goes with its last stream: an entry per account that ever connected would only grow.
        streams.computeIfPresent(stream.accountId(), (id, set) -> {
            set.remove(stream);
            return set.isEmpty() ? null : set;
        });
        if (stream.sessionId() != null) {
            bySession.computeIfPresent(stream.sessionId(), (id, set) -> {
                set.remove(stream);
                return set.isEmpty() ? null : set;
            });
        }
    }

    /**
     * A session ended (sign-out, revocation, password change, account deletion), on whichever instance: its streams
     * here close, as its access token stops working. The client's reconnect is refused (401).
     */
    public void sessionEnded(UUID sessionId) {
        Set<LiveStream> ended = bySession.remove(sessionId);
        if (ended != null) {
            ended.forEach(stream -> {
                stream.close();
                unsubscribe(stream);
            });
        }
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

    @Override
    public String name() {
        return Announcements.CHANNEL;
    }

    /** Back after a lost connection: every stream pulls, in case it missed something meanwhile. */
    @Override
    public void listening(Connection connection, boolean reconnected) {
        if (reconnected) {
            streams.values().forEach(set -> set.forEach(stream -> stream.change(null, null)));
        }
    }

    @Override
    public void notified(Connection connection, String payload) throws SQLException {
        JsonNode message;
        try {
            message = json.readTree(payload);
        } catch (Exception e) {
            LOG.warnf("live events: unreadable notification skipped: %s", e.getMessage());
            return;
        }
        if (LiveMessage.KIND.equals(message.path("kind").asText())) {
            tell(connection, message);
            return;
        }
        try {
            pending.add(new Pending(
                    Long.parseLong(message.get("txid").asText()),
                    message.get("seq").asLong(),
                    uuid(message.get("partnershipId")),
                    uuid(message.get("accountId"))));
        } catch (RuntimeException e) {
            LOG.warnf("live events: unreadable notification skipped: %s", e.getMessage());
        }
    }

    /** Announces the pending changes that a pull can now return; later ones wait for older transactions to end. */
    @Override
    public void idle(Connection connection) throws SQLException {
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
            Set<UUID> accounts = change.accountId() != null
                    ? Set.of(change.accountId())
                    : members(connection, change.partnershipId());
            for (UUID accountId : accounts) {
                Set<LiveStream> set = streams.get(accountId);
                if (set != null) {
                    String cursor = sync.cursorBefore(change.txid(), change.seq());
                    set.forEach(stream -> stream.change(change.txid() + "-" + change.seq(), cursor));
                }
            }
        }
    }

    /**
     * A reminder or notice was announced (once, by whichever instance made it) and committed: tell the streams of its
     * recipients, and nobody else.
     */
    private void tell(Connection connection, JsonNode message) throws SQLException {
        UUID partnershipId = uuid(message.get("partnershipId"));
        String event = message.path("event").asText();
        String data = message.path("data").toString();
        Recipients recipients = LiveMessage.recipients(message);
        Set<UUID> members = recipients.needsMembers() ? members(connection, partnershipId) : Set.of();
        for (UUID accountId : recipients.among(members)) {
            Set<LiveStream> set = streams.get(accountId);
            if (set != null) {
                set.forEach(stream -> stream.event(partnershipId, event, data));
            }
        }
    }

    private Set<UUID> members(Connection connection, UUID partnershipId) throws SQLException {
        return partnershipId == null ? Set.of() : audience.members(connection, partnershipId);
    }

    private static UUID uuid(JsonNode node) {
        return node == null || node.isNull() ? null : UUID.fromString(node.asText());
    }
}
