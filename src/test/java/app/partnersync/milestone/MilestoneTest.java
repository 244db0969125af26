package app.partnersync.milestone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.partnersync.commitment.OutcomeFollowUp;
import app.partnersync.support.Api;
import app.partnersync.support.Commitments;
import app.partnersync.support.Pairs;
import app.partnersync.support.ResetTestClockAfterEach;
import app.partnersync.support.SignedIn;
import app.partnersync.support.Sql;
import app.partnersync.support.SyncFeed;
import app.partnersync.support.TestClock;
import app.partnersync.support.WebhookReceiver;
import app.partnersync.webhook.WebhookDeliverer;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Milestones are reached once, whatever retries or races, and reach both members, webhooks and the export. */
@QuarkusTest
@ExtendWith(ResetTestClockAfterEach.class)
class MilestoneTest {

    @Inject
    TestClock clock;

    @Inject
    AgroalDataSource database;

    @Inject
    WebhookDeliverer deliverer;

    @Inject
    OutcomeFollowUp followUp;

    @Test
    void aSevenStreakIsCelebratedOnceEvenWhenItsRequestIsRetried() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            Pairs.Pair pair = Pairs.aPartnership();
            SignedIn ann = pair.inviter();
            createWebhook(pair, receiver.url());
            List<String> due = dueOccurrences(pair, ann, 8);
            String cursorAnn = endOfFeed(ann);
            String cursorBen = endOfFeed(pair.invitee());
            for (int i = 0; i < 6; i++) {
                Commitments.recordOutcome(ann, due.get(i), "kept");
            }
            assertEquals(0, milestones(pair, ann).size(), "six kept is no milestone yet");

            String key = "seventh-" + UUID.randomUUID();
            for (int attempt = 0; attempt < 2; attempt++) {
                Api.as(ann)
                        .header("Idempotency-Key", key)
                        .body(Map.of("outcome", "kept"))
                        .when()
                        .post(due.get(6) + "/outcome")
                        .then()
                        .statusCode(200);
            }
            // The eighth extends the streak to 8: nothing new to celebrate.
            Commitments.recordOutcome(ann, due.get(7), "kept");

            List<Map<String, Object>> reached = milestones(pair, pair.invitee());
            assertEquals(1, reached.size(), "one milestone: " + reached);
            Map<String, Object> streak = reached.get(0);
            assertEquals("streak", streak.get("kind"));
            assertEquals(7, streak.get("threshold"));
            assertEquals(ann.accountId().toString(), streak.get("memberId"));
            assertEquals(
                    1,
                    Sql.count(
                            database, "select count(*) from milestone where partnership_id = ?", pair.partnershipId()));

            // Synced to both members.
            for (Map.Entry<SignedIn, String> member :
                    Map.of(ann, cursorAnn, pair.invitee(), cursorBen).entrySet()) {
                List<Map<String, Object>> synced = changesOfType(member.getKey(), member.getValue(), "milestone");
                assertEquals(1, synced.size(), "one milestone change: " + synced);
                assertEquals(streak.get("id"), synced.get(0).get("id"));
                assertEquals("streak", ((Map<?, ?>) synced.get(0).get("record")).get("kind"));
            }

            // Told to webhooks once, as milestone.reached.
            deliverer.deliverDue();
            List<JsonPath> events = new ArrayList<>();
            for (WebhookReceiver.Received received = receiver.await(Duration.ofSeconds(5));
                    received != null;
                    received = receiver.await(Duration.ofMillis(500))) {
                events.add(JsonPath.from(received.body()));
            }
            assertEquals(1, events.size(), "one delivery");
            assertEquals("milestone.reached", events.get(0).getString("type"));
            assertEquals(streak.get("id"), events.get(0).getString("data.id"));
            assertEquals(7, events.get(0).getInt("data.threshold"));

            // In the export of either member.
            JsonPath export = Api.as(pair.invitee())
                    .when()
                    .get("/v1/me/export")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            assertEquals(List.of(streak.get("id")), export.getList("milestones.id"));
        }
    }

    @Test
    void concurrentOutcomesThatBothSeeTheStreakMakeOneMilestone() throws Exception {
        Pairs.Pair pair = Pairs.aPartnership();
        SignedIn ann = pair.inviter();
        List<String> due = dueOccurrences(pair, ann, 8);
        for (int i = 0; i < 6; i++) {
            Commitments.recordOutcome(ann, due.get(i), "kept");
        }
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (String occurrence : due.subList(6, 8)) {
                answers.add(threads.submit(() -> {
                    start.await();
                    return Api.as(ann)
                            .body(Map.of("outcome", "kept"))
                            .when()
                            .post(occurrence + "/outcome")
                            .then()
                            .extract()
                            .statusCode();
                }));
            }
            start.countDown();
            for (Future<Integer> answer : answers) {
                assertEquals(200, answer.get());
            }
        } finally {
            threads.shutdownNow();
        }

        assertEquals(1, milestones(pair, ann).size());
    }

    @Test
    void instancesDecidingAtTheSameTimeClaimTheMilestoneOnce() throws Exception {
        // The decision itself, as two instances (or the miss sweep and a request) would run it at once: no
        // partnership lock between them, only the milestone's unique claim.
        Pairs.Pair pair = Pairs.aPartnership();
        SignedIn ann = pair.inviter();
        List<String> due = dueOccurrences(pair, ann, 7);
        for (String occurrence : due) {
            Commitments.recordOutcome(ann, occurrence, "kept");
        }
        // Reached by the last request: forget it, so that the racing decisions below each find it new.
        try (Connection connection = database.getConnection();
                PreparedStatement forget =
                        connection.prepareStatement("delete from milestone where partnership_id = ?")) {
            forget.setObject(1, pair.partnershipId());
            assertEquals(1, forget.executeUpdate());
        }
        long announcedBefore = announced(pair);

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<Void>> runs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Callable<Void> decide = () -> {
                    start.await();
                    QuarkusTransaction.requiringNew()
                            .run(() -> followUp.afterOutcome(pair.partnershipId(), ann.accountId()));
                    return null;
                };
                runs.add(threads.submit(decide));
            }
            start.countDown();
            for (Future<Void> run : runs) {
                run.get();
            }
        } finally {
            threads.shutdownNow();
        }

        assertEquals(1, milestones(pair, ann).size());
        assertEquals(announcedBefore + 1, announced(pair), "announced once");
    }

    private long announced(Pairs.Pair pair) throws SQLException {
        return Sql.count(
                database,
                "select count(*) from sync_change where record_type = 'milestone' and partnership_id = ?",
                pair.partnershipId());
    }

    @Test
    void aGoalReportsProgressAndIsCelebratedOncePerWindow() {
        Pairs.Pair pair = Pairs.aPartnership();
        SignedIn ann = pair.inviter();
        clock.setTo(Instant.parse("2026-12-01T06:00:00Z"));
        // Daily at 07:00 UTC from 1 December: 2 kept in any 3-day window.
        String goal = Commitments.create(
                        pair,
                        Map.of(
                                "title",
                                "Stretch",
                                "promisedBy",
                                List.of(ann.accountId()),
                                "category",
                                "goal",
                                "recurrence",
                                Map.of(
                                        "frequency", "daily",
                                        "time", "07:00",
                                        "timeZone", "UTC",
                                        "startsOn", "2026-12-01"),
                                "target",
                                Map.of("count", 2, "windowDays", 3)))
                .getString("id");
        String path = Commitments.path(pair, goal);

        JsonPath fresh = get(ann, path);
        assertEquals("2026-12-01T00:00:00Z", fresh.getString("progress.windowStart"));
        assertEquals("2026-12-04T00:00:00Z", fresh.getString("progress.windowEnd"));
        assertEquals(0, fresh.getInt("progress.keptSoFar"));
        assertEquals(2, fresh.getInt("progress.remaining"));
        assertTrue(fresh.getBoolean("progress.onTrack"));
        assertNull(fresh.get("progress.achievedAt"));

        clock.setTo(Instant.parse("2026-12-01T08:00:00Z"));
        Commitments.recordOutcome(ann, path + "/occurrences/2026-12-01", "kept");
        JsonPath one = get(ann, path);
        assertEquals(1, one.getInt("progress.keptSoFar"));
        assertEquals(1, one.getInt("progress.remaining"));
        assertEquals(0, milestones(pair, ann).size());

        clock.setTo(Instant.parse("2026-12-02T08:00:00Z"));
        Commitments.recordOutcome(ann, path + "/occurrences/2026-12-02", "kept");
        JsonPath met = get(pair.invitee(), path);
        assertEquals(2, met.getInt("progress.keptSoFar"));
        assertEquals(0, met.getInt("progress.remaining"));
        assertTrue(met.getString("progress.achievedAt").startsWith("2026-12-02T08:00:0"), met.getString("progress"));

        // The same in the list, in sync and in the goals insight.
        JsonPath list = Api.as(ann)
                .when()
                .get("/v1/partnerships/{p}/commitments", pair.partnershipId())
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(2, list.getInt("items.find { it.id == '" + goal + "' }.progress.keptSoFar"));
        JsonPath goals = Api.as(pair.invitee())
                .when()
                .get("/v1/partnerships/{p}/insights/goals", pair.partnershipId())
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(List.of(goal), goals.getList("goals.commitmentId"));
        assertEquals(met.getString("progress.achievedAt"), goals.getString("goals[0].progress.achievedAt"));
        Map<String, Object> synced = changesOfType(ann, null, "commitment").stream()
                .filter(c -> goal.equals(c.get("id")))
                .findFirst()
                .orElseThrow();
        assertNotNull(((Map<?, ?>) synced.get("record")).get("progress"), "sync carries the progress");

        // A third kept in the same window is no new milestone.
        clock.setTo(Instant.parse("2026-12-03T08:00:00Z"));
        Commitments.recordOutcome(ann, path + "/occurrences/2026-12-03", "kept");
        List<Map<String, Object>> reached = milestones(pair, ann);
        assertEquals(1, reached.size(), reached.toString());
        assertEquals("goal_met", reached.get(0).get("kind"));
        assertEquals(goal, reached.get(0).get("commitmentId"));
        assertEquals("2026-12-01T00:00:00Z", reached.get(0).get("windowStart"));

        // The window rolls over: a fresh count, met again in the new window.
        clock.setTo(Instant.parse("2026-12-04T08:00:00Z"));
        JsonPath next = get(ann, path);
        assertEquals("2026-12-04T00:00:00Z", next.getString("progress.windowStart"));
        assertEquals("2026-12-07T00:00:00Z", next.getString("progress.windowEnd"));
        assertEquals(0, next.getInt("progress.keptSoFar"));
        assertTrue(next.getBoolean("progress.onTrack"), "a third of a day in, nothing is due yet");
        Commitments.recordOutcome(ann, path + "/occurrences/2026-12-04", "kept");
        clock.setTo(Instant.parse("2026-12-05T08:00:00Z"));
        Commitments.recordOutcome(ann, path + "/occurrences/2026-12-05", "kept");
        assertEquals(
                List.of("2026-12-04T00:00:00Z", "2026-12-01T00:00:00Z"),
                milestones(pair, ann).stream()
                        .filter(m -> "goal_met".equals(m.get("kind")))
                        .map(m -> m.get("windowStart"))
                        .toList());
    }

    @Test
    void aDisputedKeptDoesNotCountTowardsTheGoal() {
        Pairs.Pair pair = Pairs.aPartnership();
        SignedIn ann = pair.inviter();
        clock.setTo(Instant.parse("2026-12-01T06:00:00Z"));
        String goal = Commitments.create(
                        pair,
                        Map.of(
                                "title",
                                "Walk the dog",
                                "promisedBy",
                                List.of(ann.accountId()),
                                "recurrence",
                                Map.of(
                                        "frequency", "daily",
                                        "time", "07:00",
                                        "timeZone", "UTC",
                                        "startsOn", "2026-12-01"),
                                "target",
                                Map.of("count", 5, "windowDays", 7)))
                .getString("id");
        String path = Commitments.path(pair, goal);
        clock.setTo(Instant.parse("2026-12-01T08:00:00Z"));
        Commitments.recordOutcome(ann, path + "/occurrences/2026-12-01", "kept");
        assertEquals(1, get(ann, path).getInt("progress.keptSoFar"));

        Api.as(pair.invitee())
                .body(Map.of("verdict", "disputed", "note", "The dog says no"))
                .when()
                .post(path + "/occurrences/2026-12-01/confirmation")
                .then()
                .statusCode(200);

        assertEquals(0, get(ann, path).getInt("progress.keptSoFar"));
    }

    @Test
    void aDeletedMembersMilestonesStayWithThePartnerNamingNoOne() throws Exception {
        Pairs.Pair pair = Pairs.aPartnership();
        SignedIn leaving = pair.invitee();
        for (String occurrence : dueOccurrences(pair, leaving, 7)) {
            Commitments.recordOutcome(leaving, occurrence, "kept");
        }
        assertEquals(1, milestones(pair, pair.inviter()).size());

        Api.as(leaving)
                .body(Map.of("password", leaving.password()))
                .when()
                .delete("/v1/me")
                .then()
                .statusCode(204);

        List<Map<String, Object>> kept = milestones(pair, pair.inviter());
        assertEquals(1, kept.size(), "the partner keeps the history");
        assertEquals("streak", kept.get(0).get("kind"));
        assertNull(kept.get(0).get("memberId"));
        assertEquals(
                0,
                Sql.count(
                        database,
                        "select count(*) from milestone where member_id = ? or claim like ?",
                        leaving.accountId(),
                        "%" + leaving.accountId() + "%"));
    }

    private static JsonPath get(SignedIn member, String path) {
        return Api.as(member).when().get(path).then().statusCode(200).extract().jsonPath();
    }

    /**
     * {@code n} one-off promises of {@code promiser}, due ten minutes apart, and the clock moved past all of them:
     * the paths of their occurrences, in due order.
     */
    private List<String> dueOccurrences(Pairs.Pair pair, SignedIn promiser, int n) {
        Instant start = clock.instant().plus(Duration.ofMinutes(1));
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Instant due = start.plus(Duration.ofMinutes(10L * (i + 1)));
            paths.add(Commitments.occurrencePath(
                    pair, Commitments.oneOff(pair, promiser, due, Map.of()).getString("id"), due));
        }
        clock.advance(Duration.ofHours(2));
        return paths;
    }

    private static List<Map<String, Object>> milestones(Pairs.Pair pair, SignedIn member) {
        return Api.as(member)
                .when()
                .get("/v1/partnerships/{p}/milestones", pair.partnershipId())
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items");
    }

    private static void createWebhook(Pairs.Pair pair, String url) {
        Api.as(pair.inviter())
                .body(Map.of("url", url, "events", List.of("milestone.reached")))
                .when()
                .post("/v1/partnerships/{p}/webhooks", pair.partnershipId())
                .then()
                .statusCode(201);
    }

    /** A cursor at the end of the member's feed. */
    private static String endOfFeed(SignedIn member) {
        String cursor = null;
        for (int i = 0; i < 100; i++) {
            JsonPath page = SyncFeed.page(member, cursor, 100);
            cursor = page.getString("nextCursor");
            if (!page.getBoolean("hasMore")) {
                return cursor;
            }
        }
        throw new AssertionError("sync did not settle");
    }

    /** The changes of {@code type} in the member's feed after {@code cursor} (from the start when null). */
    private static List<Map<String, Object>> changesOfType(SignedIn member, String cursor, String type) {
        List<Map<String, Object>> found = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            JsonPath page = SyncFeed.page(member, cursor, 100);
            List<Map<String, Object>> changes = page.getList("changes");
            changes.stream().filter(c -> type.equals(c.get("type"))).forEach(found::add);
            cursor = page.getString("nextCursor");
            if (!page.getBoolean("hasMore")) {
                return found;
            }
        }
        throw new AssertionError("sync did not settle");
    }
}
