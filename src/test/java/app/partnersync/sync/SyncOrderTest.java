package app.partnersync.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.partnersync.support.Accounts;
import app.partnersync.support.Api;
import app.partnersync.support.Pairs;
import app.partnersync.support.SignedIn;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The feed never skips a change that commits late, and never leaves a client with an outdated record. */
@QuarkusTest
class SyncOrderTest {

    @Inject
    AgroalDataSource database;

    @Test
    void aTransactionThatCommitsLateIsStillDelivered() throws Exception {
        SignedIn hub = Accounts.signedIn();
        UUID slow = Pairs.pair(hub, Accounts.signedIn(), "friend");
        UUID fast = Pairs.pair(hub, Accounts.signedIn(), "friend");
        SyncClient client = new SyncClient(hub);
        client.catchUp();

        try (Connection lateWriter = database.getConnection()) {
            // A writer that takes its place in the feed first and commits last, as a slow request would.
            lateWriter.setAutoCommit(false);
            long version = renameInTransaction(lateWriter, slow, hub.accountId(), "written slowly");

            Api.as(hub)
                    .body(Map.of("displayName", "written fast"))
                    .when()
                    .patch("/v1/partnerships/{id}", fast)
                    .then()
                    .statusCode(200);
            client.catchUp();
            // The fast change waits behind the open transaction: handing it out now would move the cursor past
            // the slow one, which a plain sequence cursor would then never deliver.
            assertFalse(client.records.get("partnership:" + fast).containsValue("written fast"));

            lateWriter.commit();
            client.catchUp();
            assertEquals(
                    "written slowly", client.records.get("partnership:" + slow).get("displayName"));
            assertEquals(version, client.versions.get("partnership:" + slow));
            assertEquals(
                    "written fast", client.records.get("partnership:" + fast).get("displayName"));
        }
    }

    @Test
    void concurrentWritersAndAContinuousPullerAgreeWithTheDatabase() throws Exception {
        SignedIn hub = Accounts.signedIn();
        List<Pairs.Pair> pairs = new ArrayList<>();
        List<UUID> partnerships = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            SignedIn partner = Accounts.signedIn();
            partnerships.add(Pairs.pair(hub, partner, "friend"));
            pairs.add(new Pairs.Pair(partnerships.get(i), hub, partner));
        }
        SyncClient client = new SyncClient(hub);
        client.catchUp();

        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(5);
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            Pairs.Pair pair = pairs.get(w);
            writers.add(pool.submit(() -> {
                for (int n = 0; n < 15; n++) {
                    // Both members write, so two sessions race on one partnership too.
                    SignedIn writer = n % 2 == 0 ? pair.inviter() : pair.invitee();
                    Api.as(writer)
                            .body(Map.of("displayName", "edit " + n))
                            .when()
                            .patch("/v1/partnerships/{id}", pair.partnershipId())
                            .then()
                            .statusCode(200);
                }
                return null;
            }));
        }
        Future<?> slowWriters = pool.submit(() -> {
            for (int n = 0; n < 5; n++) {
                try (Connection late = database.getConnection()) {
                    late.setAutoCommit(false);
                    renameInTransaction(late, partnerships.get(n % 4), hub.accountId(), "late " + n);
                    Thread.sleep(150);
                    late.commit();
                }
            }
            return null;
        });
        Future<?> puller = pool.submit(() -> {
            while (writing.get()) {
                client.pull(7);
            }
            return null;
        });
        for (Future<?> writer : writers) {
            writer.get(60, TimeUnit.SECONDS);
        }
        slowWriters.get(60, TimeUnit.SECONDS);
        writing.set(false);
        puller.get(60, TimeUnit.SECONDS);
        pool.shutdown();
        client.catchUp();

        Map<String, Long> inDatabase = new HashMap<>();
        for (UUID id : partnerships) {
            inDatabase.put("partnership:" + id, versionOf(id));
            Map<String, Object> now = Api.as(hub)
                    .when()
                    .get("/v1/partnerships/{id}", id)
                    .then()
                    .extract()
                    .jsonPath()
                    .getMap("");
            assertEquals(now, client.records.get("partnership:" + id), "the client holds the current record");
        }
        for (UUID id : partnerships) {
            assertEquals(inDatabase.get("partnership:" + id), client.versions.get("partnership:" + id));
        }
        assertTrue(client.versions.get("partnership:" + partnerships.get(0)) >= 15);
    }

    @Test
    void aPullerRunningThroughConcurrentCreatesMissesNone() throws Exception {
        SignedIn hub = Accounts.signedIn();
        List<Pairs.Pair> pairs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            SignedIn partner = Accounts.signedIn();
            pairs.add(new Pairs.Pair(Pairs.pair(hub, partner, "friend"), hub, partner));
        }
        SyncClient client = new SyncClient(hub);
        client.catchUp();

        // Eight writers (both members of four partnerships) create records that are never changed again: a create
        // the feed skipped would stay missing, as no later change of the record could bring it back.
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger pulls = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(9);
        List<Future<?>> writers = new ArrayList<>();
        for (Pairs.Pair pair : pairs) {
            for (SignedIn writer : List.of(pair.inviter(), pair.invitee())) {
                writers.add(pool.submit(() -> {
                    for (int n = 0; n < 25; n++) {
                        String id = Api.as(writer)
                                .body(Map.of("kind", "appreciation", "message", "thanks " + n))
                                .when()
                                .post("/v1/partnerships/{id}/moments", pair.partnershipId())
                                .then()
                                .statusCode(201)
                                .extract()
                                .path("id");
                        acknowledged.add("moment:" + id);
                    }
                    return null;
                }));
            }
        }
        Future<?> puller = pool.submit(() -> {
            while (writing.get()) {
                client.pull(5);
                pulls.incrementAndGet();
            }
            return null;
        });
        for (Future<?> writer : writers) {
            writer.get(120, TimeUnit.SECONDS);
        }
        writing.set(false);
        puller.get(60, TimeUnit.SECONDS);
        pool.shutdown();
        client.catchUp();

        assertEquals(200, acknowledged.size());
        assertTrue(pulls.get() > 10, "the puller pulled while the writers wrote: " + pulls.get());
        Set<String> missing = new TreeSet<>(acknowledged);
        missing.removeAll(client.records.keySet());
        assertEquals(Set.of(), missing, "every acknowledged create reached the pulling client");
    }

    /** Renames the hub's seat and records the change, as the service does, in the caller's open transaction. */
    private static long renameInTransaction(Connection connection, UUID partnership, UUID account, String label)
            throws Exception {
        // Lock order as the service's: the partnership row first, then the seat (the other order can deadlock).
        long version;
        try (PreparedStatement bump = connection.prepareStatement(
                "update partnership set version = version + 1, updated_at = now() where id = ? returning version")) {
            bump.setObject(1, partnership);
            try (ResultSet row = bump.executeQuery()) {
                row.next();
                version = row.getLong(1);
            }
        }
        try (PreparedStatement seat = connection.prepareStatement(
                "update partnership_member set label = ? where partnership_id = ? and account_id = ?")) {
            seat.setString(1, label);
            seat.setObject(2, partnership);
            seat.setObject(3, account);
            seat.executeUpdate();
        }
        try (PreparedStatement change = connection.prepareStatement("insert into sync_change"
                + " (record_type, record_id, partnership_id, op, version) values ('partnership', ?, ?, 'upsert', ?)")) {
            change.setObject(1, partnership);
            change.setObject(2, partnership);
            change.setLong(3, version);
            change.executeUpdate();
        }
        return version;
    }

    private long versionOf(UUID partnership) throws Exception {
        try (Connection connection = database.getConnection();
                PreparedStatement query = connection.prepareStatement("select version from partnership where id = ?")) {
            query.setObject(1, partnership);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}
