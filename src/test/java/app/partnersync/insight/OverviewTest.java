package app.partnersync.insight;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import app.partnersync.support.Accounts;
import app.partnersync.support.Api;
import app.partnersync.support.CheckIns;
import app.partnersync.support.Commitments;
import app.partnersync.support.Pairs;
import app.partnersync.support.ResetTestClockAfterEach;
import app.partnersync.support.SignedIn;
import app.partnersync.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The trust dashboard on a history worked out by hand. Ann and Ben live in UTC; their cadence is Sunday 19:00 from
 * 2026-12-01. Looking back 30 days from Wednesday 2027-01-13 12:00 the window starts 2026-12-14 12:00, so the weeks
 * are those starting Monday 12-14, 12-21, 12-28, 01-04 and 01-11, with one scheduled Sunday in each but the last.
 *
 * <ul>
 *   <li>Ann's promises: due 12-02 kept, 12-05 missed, 12-08 kept, 12-10 missed (before the window: they only feed the
 *       trend's earlier period, 2 of 4); 12-20 kept, 12-30 kept, 01-05 kept, 01-08 missed (the last 28 days, 3 of 4):
 *       0.75 against 0.50 is rising.
 *   <li>Check-in of Sunday 01-03 (week 12-28): Ann submits mood 2 and safety 4, both shared; Ben writes nothing, so
 *       it stays open and Ann's answers stay sealed from Ben.
 *   <li>Check-in of Sunday 01-10 (week 01-04): Ann mood 4 shared, safety 3 private, connection 4 shared; Ben mood 5
 *       shared, safety 2 private, connection 3 private. Both submit: completed.
 *   <li>Moments: Ben's appreciation on 12-22 (week 12-21); Ann's appreciation and Ben's cool-off on 01-12 (week
 *       01-11).
 * </ul>
 */
@QuarkusTest
@ExtendWith(ResetTestClockAfterEach.class)
class OverviewTest {

    @Inject
    TestClock clock;

    @Test
    void theDashboardMatchesAHandComputedHistoryForEachViewer() {
        SignedIn ann = Accounts.anAccount().withTimeZone("Etc/UTC").register();
        SignedIn ben = Accounts.anAccount().withTimeZone("Etc/UTC").register();
        Pairs.Pair pair = new Pairs.Pair(Pairs.pair(ann, ben, "partner"), ann, ben);

        at("2026-12-01T09:00:00Z");
        CheckIns.setCadence(ann, pair.partnershipId(), CheckIns.weekly("Etc/UTC", "SUNDAY", "19:00"));
        Map<String, String> promises = new LinkedHashMap<>();
        for (String due : List.of(
                "2026-12-02",
                "2026-12-05",
                "2026-12-08",
                "2026-12-10",
                "2026-12-20",
                "2026-12-30",
                "2027-01-05",
                "2027-01-08")) {
            promises.put(due, promise(pair, ann, Instant.parse(due + "T10:00:00Z")));
        }

        at("2026-12-11T09:00:00Z");
        outcome(ann, promises, "2026-12-02", "kept");
        outcome(ann, promises, "2026-12-05", "missed");
        outcome(ann, promises, "2026-12-08", "kept");
        outcome(ann, promises, "2026-12-10", "missed");

        at("2026-12-22T09:00:00Z");
        outcome(ann, promises, "2026-12-20", "kept");
        moment(ben, pair, Map.of("kind", "appreciation", "message", "Thanks for the soup"));

        at("2027-01-01T09:00:00Z");
        outcome(ann, promises, "2026-12-30", "kept");

        at("2027-01-03T19:00:00Z");
        String open = startWeekly(ann, pair, "2027-01-03T19:00:00Z");
        entry(ann, pair, open, Map.of("mood", score(2, "shared"), "safety", score(4, "shared"), "submitted", true));

        at("2027-01-09T09:00:00Z");
        outcome(ann, promises, "2027-01-05", "kept");
        outcome(ann, promises, "2027-01-08", "missed");

        at("2027-01-10T19:05:00Z");
        String completed = startWeekly(ben, pair, "2027-01-10T19:00:00Z");
        entry(
                ann,
                pair,
                completed,
                Map.of(
                        "mood", score(4, "shared"),
                        "safety", score(3, "private"),
                        "connection", score(4, "shared"),
                        "submitted", true));
        entry(
                ben,
                pair,
                completed,
                Map.of(
                        "mood", score(5, "shared"),
                        "safety", score(2, "private"),
                        "connection", score(3, "private"),
                        "submitted", true));

        at("2027-01-12T09:00:00Z");
        moment(ann, pair, Map.of("kind", "appreciation", "message", "You listened"));
        moment(ben, pair, Map.of("kind", "cool_off"));

        at("2027-01-13T12:00:00Z");
        JsonPath asAnn = overview(ann, pair);
        assertEquals("30d", asAnn.getString("window"));
        // The test clock keeps running from where it was set: a few milliseconds past noon.
        assertEquals("2026-12-14T12:00", asAnn.getString("from").substring(0, 16));
        assertEquals("rising", asAnn.getString("trend.direction"));
        assertEquals(0.75, asAnn.getDouble("trend.recentRate"), 1e-9);
        assertEquals(0.5, asAnn.getDouble("trend.previousRate"), 1e-9);
        assertEquals(4, asAnn.getInt("trend.recentDecided"));
        assertEquals(4, asAnn.getInt("trend.previousDecided"));

        // Ann's own row, seen by Ann: every score of hers counts, private ones included.
        assertEquals(
                List.of(
                        week("2026-12-14", 1, 0, null, null, null, 1, 0, 1.0, 0),
                        week("2026-12-21", 1, 0, null, null, null, 0, 0, null, 0),
                        week("2026-12-28", 1, 1, 2.0, 4.0, null, 1, 0, 1.0, 0),
                        week("2027-01-04", 1, 1, 4.0, 3.0, 4.0, 1, 1, 0.5, 0),
                        week("2027-01-11", 0, 0, null, null, null, 0, 0, null, 1)),
                weeks(asAnn, 0, ann));
        // Ben's row, seen by Ann: only what Ben shared (mood), nothing private (safety, connection).
        assertEquals(
                List.of(
                        week("2026-12-14", 1, 0, null, null, null, 0, 0, null, 0),
                        week("2026-12-21", 1, 0, null, null, null, 0, 0, null, 1),
                        week("2026-12-28", 1, 0, null, null, null, 0, 0, null, 0),
                        week("2027-01-04", 1, 1, 5.0, null, null, 0, 0, null, 0),
                        week("2027-01-11", 0, 0, null, null, null, 0, 0, null, 1)),
                weeks(asAnn, 1, ben));

        JsonPath asBen = overview(ben, pair);
        // Ann's row, seen by Ben: the open check-in's answers stay sealed; of the completed one only what she shared.
        assertEquals(
                List.of(
                        week("2026-12-14", 1, 0, null, null, null, 1, 0, 1.0, 0),
                        week("2026-12-21", 1, 0, null, null, null, 0, 0, null, 0),
                        week("2026-12-28", 1, 1, null, null, null, 1, 0, 1.0, 0),
                        week("2027-01-04", 1, 1, 4.0, null, 4.0, 1, 1, 0.5, 0),
                        week("2027-01-11", 0, 0, null, null, null, 0, 0, null, 1)),
                weeks(asBen, 0, ann));
        assertEquals(
                week("2027-01-04", 1, 1, 5.0, 2.0, 3.0, 0, 0, null, 0),
                weeks(asBen, 1, ben).get(3));
    }

    @Test
    void anUnknownWindowIsRefusedAndAStrangerSeesNothing() {
        Pairs.Pair pair = Pairs.aPartnership();
        Api.invalidAs(pair.inviter())
                .queryParam("window", "14d")
                .when()
                .get("/v1/partnerships/{p}/insights/overview", pair.partnershipId())
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("window"));
        Api.as(Accounts.signedIn())
                .when()
                .get("/v1/partnerships/{p}/insights/overview", pair.partnershipId())
                .then()
                .statusCode(404);
        Api.as(pair.invitee())
                .when()
                .get("/v1/partnerships/{p}/insights/overview", pair.partnershipId())
                .then()
                .statusCode(200)
                .body("window", equalTo("90d"))
                .body("trend.direction", equalTo("steady"))
                .body("members.size()", equalTo(2));
    }

    private void at(String instant) {
        clock.setTo(Instant.parse(instant));
    }

    private static JsonPath overview(SignedIn who, Pairs.Pair pair) {
        return Api.as(who)
                .queryParam("window", "30d")
                .when()
                .get("/v1/partnerships/{p}/insights/overview", pair.partnershipId())
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static List<Map<String, Object>> weeks(JsonPath overview, int member, SignedIn who) {
        assertEquals(who.accountId().toString(), overview.getString("members[" + member + "].accountId"));
        return overview.<Map<String, Object>>getList("members[" + member + "].weeks").stream()
                .map(w -> {
                    Map<String, Object> normalised = new HashMap<>();
                    w.forEach((k, v) -> normalised.put(
                            k, v instanceof Number n && !(v instanceof Integer) ? (Object) n.doubleValue() : v));
                    return normalised;
                })
                .toList();
    }

    private static Map<String, Object> week(
            String start,
            int scheduled,
            int held,
            Double mood,
            Double safety,
            Double connection,
            int kept,
            int missed,
            Double rate,
            int moments) {
        Map<String, Object> week = new HashMap<>();
        week.put("weekStart", start);
        week.put("checkInsScheduled", scheduled);
        week.put("checkInsHeld", held);
        if (mood != null) {
            week.put("mood", mood);
        }
        if (safety != null) {
            week.put("safety", safety);
        }
        if (connection != null) {
            week.put("connection", connection);
        }
        week.put("kept", kept);
        week.put("missed", missed);
        if (rate != null) {
            week.put("followThroughRate", rate);
        }
        week.put("momentsGiven", moments);
        return week;
    }

    /** The occurrence, due at {@code due}, of a fresh promise that {@code promiser} makes for themselves. */
    private static String promise(Pairs.Pair pair, SignedIn promiser, Instant due) {
        String id = Commitments.ownPromise(pair, promiser, due).getString("id");
        return Commitments.occurrencePath(pair, id, due);
    }

    private static void outcome(SignedIn who, Map<String, String> promises, String due, String outcome) {
        Commitments.recordOutcome(who, promises.get(due), outcome);
    }

    private static void moment(SignedIn who, Pairs.Pair pair, Map<String, Object> body) {
        Api.as(who)
                .body(body)
                .when()
                .post("/v1/partnerships/{p}/moments", pair.partnershipId())
                .then()
                .statusCode(201);
    }

    private static String startWeekly(SignedIn who, Pairs.Pair pair, String scheduledFor) {
        return CheckIns.start(who, pair.partnershipId(), Map.of("kind", "weekly", "scheduledFor", scheduledFor));
    }

    private static void entry(SignedIn who, Pairs.Pair pair, String checkIn, Map<String, Object> body) {
        CheckIns.writeEntry(who, pair.partnershipId(), checkIn, body);
    }

    private static Map<String, Object> score(int value, String visibility) {
        return CheckIns.score(value, visibility);
    }
}
