package app.partnersync.checkin;

import static app.partnersync.support.Problems.PROBLEMS;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.partnersync.support.Api;
import app.partnersync.support.CheckIns;
import app.partnersync.support.Pairs;
import app.partnersync.support.SignedIn;
import app.partnersync.support.SseClient;
import app.partnersync.support.SyncFeed;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Sealed answers, shared-only views, and private fields that no route ever hands to the partner. */
@QuarkusTest
class CheckInPrivacyTest {

    @Test
    void entriesAreSealedUntilBothSubmitThenOnlySharedFieldsShow() {
        Pairs.Pair pair = Pairs.aPartnership();
        String checkIn = start(pair);
        String secret = "PRIVATE-" + UUID.randomUUID();
        String open = "SHARED-" + UUID.randomUUID();

        put(pair.inviter(), pair, checkIn, entry(4, "shared", open, secret, true))
                .then()
                .statusCode(200)
                .body("status", equalTo("open"));

        JsonPath partnerView = get(pair.invitee(), pair, checkIn);
        Map<String, Object> sealed = partnerView.getMap("entries[0]");
        assertEquals(true, sealed.get("sealed"));
        assertEquals(true, sealed.get("submitted"));
        assertFalse(sealed.containsKey("mood") || sealed.containsKey("gratitude") || sealed.containsKey("needs"));
        JsonPath ownView = get(pair.inviter(), pair, checkIn);
        assertEquals(secret, ownView.getString("entries[0].needs.text"), "the author sees everything they wrote");
        assertEquals("private", ownView.getString("entries[0].needs.visibility"));

        put(pair.invitee(), pair, checkIn, entry(2, "private", "their shared", "their private", true))
                .then()
                .statusCode(200)
                .body("status", equalTo("completed"));

        JsonPath afterwards = get(pair.invitee(), pair, checkIn);
        Map<String, Object> theirs = afterwards.getList("entries", Map.class).stream()
                .filter(e -> !(Boolean) e.get("mine"))
                .findFirst()
                .orElseThrow();
        assertEquals(false, theirs.get("sealed"));
        assertEquals(Map.of("text", open, "visibility", "shared"), theirs.get("gratitude"));
        assertEquals(Map.of("value", 4, "visibility", "shared"), theirs.get("mood"));
        assertFalse(theirs.containsKey("needs"), "a private field is absent, not blanked");
        Map<String, Object> fromInviter = get(pair.inviter(), pair, checkIn).getList("entries", Map.class).stream()
                .filter(e -> !(Boolean) e.get("mine"))
                .findFirst()
                .orElseThrow();
        assertFalse(fromInviter.containsKey("mood"), "the partner's private score stays private");
        assertFalse(fromInviter.containsKey("needs"));
    }

    @Test
    void aPrivateFieldReachesThePartnerByNoRoute() throws Exception {
        Pairs.Pair pair = Pairs.aPartnership();
        String secret = "PRIVATE-" + UUID.randomUUID();
        String shared = "SHARED-" + UUID.randomUUID();
        try (SseClient stream = SseClient.connect(pair.invitee())) {
            String checkIn = start(pair);
            put(pair.inviter(), pair, checkIn, entry(5, "private", shared, secret, true))
                    .then()
                    .statusCode(200);
            put(pair.invitee(), pair, checkIn, entry(3, "shared", "x", "y", true))
                    .then()
                    .statusCode(200);

            List<String> routes = new ArrayList<>();
            routes.add(get(pair.invitee(), pair, checkIn).prettify());
            routes.add(Api.as(pair.invitee())
                    .when()
                    .get("/v1/partnerships/{p}/check-ins", pair.partnershipId())
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString());
            routes.add(Api.as(pair.invitee())
                    .when()
                    .get("/v1/me/export")
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString());
            routes.add(fullSync(pair.invitee()));
            SseClient.Event event = stream.await("change", Duration.ofSeconds(3));
            assertNotNull(event);
            routes.add(event.data());
            stream.drain().forEach(e -> routes.add(e.data()));

            for (String body : routes) {
                assertFalse(body.contains(secret), "a private answer leaked: " + body);
            }
            assertTrue(
                    routes.get(0).contains(shared)
                            && routes.get(1).contains(shared)
                            && routes.get(2).contains(shared)
                            && routes.get(3).contains(shared),
                    "shared answers do arrive, so the check above can fail");
            assertTrue(
                    Api.as(pair.inviter())
                            .when()
                            .get("/v1/me/export")
                            .then()
                            .extract()
                            .asString()
                            .contains(secret),
                    "the author's own export holds their private answers");
        }
    }

    @Test
    void makingASharedFieldPrivateTakesItFromThePartnersSyncedCopy() {
        Pairs.Pair pair = Pairs.aPartnership();
        String checkIn = start(pair);
        String gratitude = "SHARED-" + UUID.randomUUID();
        put(pair.inviter(), pair, checkIn, entry(4, "shared", gratitude, "n", true))
                .then()
                .statusCode(200);
        put(pair.invitee(), pair, checkIn, entry(4, "shared", "g", "n", true))
                .then()
                .statusCode(200);
        String cursor = syncCursor(pair.invitee());

        Map<String, Object> privateNow = entry(4, "shared", gratitude, "n", true);
        privateNow.put("gratitude", Map.of("text", gratitude, "visibility", "private"));
        put(pair.inviter(), pair, checkIn, privateNow).then().statusCode(200);

        // The feed hands out a change once no older transaction is still open anywhere on the PostgreSQL server
        // (transaction ids are server-wide), so a busy neighbour may hold it back for a moment: pull until it comes.
        JsonPath pulled = null;
        for (long deadline = System.nanoTime() + 10_000_000_000L; System.nanoTime() < deadline; ) {
            pulled = SyncFeed.page(pair.invitee(), cursor);
            if (pulled.getString("changes.find { it.type == 'check_in' }.id") != null) {
                break;
            }
            sleep(100);
        }
        assertEquals(checkIn, pulled.getString("changes.find { it.type == 'check_in' }.id"));
        assertFalse(pulled.prettify().contains(gratitude), "the partner's synced copy loses the field");

        // Answers themselves are settled once the check-in is completed.
        Map<String, Object> rewritten = entry(1, "shared", "different", "n", true);
        put(pair.inviter(), pair, checkIn, rewritten)
                .then()
                .statusCode(409)
                .body("type", equalTo(PROBLEMS + "check-in-closed"));
    }

    @Test
    void closingUnsealsAndEndsWriting() {
        Pairs.Pair pair = Pairs.aPartnership();
        String checkIn = start(pair);
        put(pair.inviter(), pair, checkIn, entry(3, "shared", "thanks", "n", false))
                .then()
                .statusCode(200);
        String tag = Api.as(pair.invitee())
                .when()
                .get("/v1/partnerships/{p}/check-ins/{c}", pair.partnershipId(), checkIn)
                .then()
                .extract()
                .header("ETag");

        Api.as(pair.invitee())
                .header("If-Match", tag)
                .when()
                .post("/v1/partnerships/{p}/check-ins/{c}/close", pair.partnershipId(), checkIn)
                .then()
                .statusCode(200)
                .body("status", equalTo("closed"))
                .body("entries[0].gratitude.text", equalTo("thanks"));
        Api.as(pair.invitee())
                .when()
                .post("/v1/partnerships/{p}/check-ins/{c}/close", pair.partnershipId(), checkIn)
                .then()
                .statusCode(409)
                .body("type", equalTo(PROBLEMS + "check-in-closed"));
    }

    @Test
    void bothStartingTheScheduledCheckInAtOnceMakeOne() throws Exception {
        Pairs.Pair pair = Pairs.aPartnership();
        CheckIns.setCadence(pair.inviter(), pair.partnershipId(), CheckIns.weekly("Europe/Berlin", "SUNDAY", "19:00"));
        String scheduled =
                CheckIns.upcoming(pair.invitee(), pair.partnershipId()).getString("items[0].startsAt");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Integer> statuses = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<io.restassured.response.Response>> results = new ArrayList<>();
            for (SignedIn member : List.of(pair.inviter(), pair.invitee())) {
                results.add(pool.submit(() -> {
                    go.await();
                    return Api.as(member)
                            .body(Map.of("kind", "weekly", "scheduledFor", scheduled))
                            .when()
                            .post("/v1/partnerships/{p}/check-ins", pair.partnershipId());
                }));
            }
            go.countDown();
            for (Future<io.restassured.response.Response> result : results) {
                statuses.add(result.get().statusCode());
                ids.add(result.get().jsonPath().getString("id"));
            }
        } finally {
            pool.shutdownNow();
        }

        assertEquals(List.of(200, 201), statuses.stream().sorted().toList());
        assertEquals(2, Collections.frequency(ids, ids.get(0)), "both got the same check-in: " + ids);
        Api.as(pair.inviter())
                .when()
                .get("/v1/partnerships/{p}/check-ins", pair.partnershipId())
                .then()
                .body("items.size()", equalTo(1));
    }

    private static String start(Pairs.Pair pair) {
        return Api.as(pair.inviter())
                .body(Map.of("kind", "ad_hoc"))
                .when()
                .post("/v1/partnerships/{p}/check-ins", pair.partnershipId())
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static Map<String, Object> entry(
            int mood, String moodVisibility, String gratitude, String needs, boolean submitted) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("mood", Map.of("value", mood, "visibility", moodVisibility));
        body.put("gratitude", Map.of("text", gratitude, "visibility", "shared"));
        body.put("needs", Map.of("text", needs));
        body.put("submitted", submitted);
        return body;
    }

    private static io.restassured.response.Response put(
            SignedIn who, Pairs.Pair pair, String checkIn, Map<String, Object> body) {
        return Api.as(who)
                .body(body)
                .when()
                .put("/v1/partnerships/{p}/check-ins/{c}/entries/me", pair.partnershipId(), checkIn);
    }

    private static JsonPath get(SignedIn who, Pairs.Pair pair, String checkIn) {
        return Api.as(who)
                .when()
                .get("/v1/partnerships/{p}/check-ins/{c}", pair.partnershipId(), checkIn)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** Everything a full sync from scratch hands {@code who}, as text. */
    private static String fullSync(SignedIn who) {
        return pullAll(who, null)[1];
    }

    /** The cursor after a full sync from scratch. */
    private static String syncCursor(SignedIn who) {
        return pullAll(who, null)[0];
    }

    /** Pulls until nothing more is waiting: {next cursor, all pages as text}. */
    private static String[] pullAll(SignedIn who, String from) {
        StringBuilder all = new StringBuilder();
        String cursor = from;
        for (int i = 0; i < 50; i++) {
            JsonPath page = SyncFeed.page(who, cursor);
            all.append(page.prettify());
            cursor = page.getString("nextCursor");
            if (!page.getBoolean("hasMore")) {
                return new String[] {cursor, all.toString()};
            }
        }
        throw new AssertionError("sync did not settle");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
