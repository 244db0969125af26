package app.partnersync.commitment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.partnersync.support.Api;
import app.partnersync.support.Commitments;
import app.partnersync.support.Pairs;
import app.partnersync.support.ResetTestClockAfterEach;
import app.partnersync.support.SignedIn;
import app.partnersync.support.TestClock;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Follow-through on a small history worked out by hand. */
@QuarkusTest
@ExtendWith(ResetTestClockAfterEach.class)
class FollowThroughTest {

    @Inject
    TestClock clock;

    @Inject
    AgroalDataSource database;

    @Test
    void countsRateStreaksAndOwnedMissesMatchAHandComputedExample() {
        Pairs.Pair pair = Pairs.aPartnership();
        SignedIn ann = pair.inviter();
        SignedIn ben = pair.invitee();
        Instant start = clock.instant().plus(Duration.ofMinutes(1));
        // Ann, in due order: kept, kept, missed, kept, kept, kept, renegotiated, cancelled.
        List<String> annOutcomes =
                List.of("kept", "kept", "missed", "kept", "kept", "kept", "renegotiated", "cancelled");
        List<String> annPaths = new ArrayList<>();
        for (int i = 0; i < annOutcomes.size(); i++) {
            Instant due = start.plus(Duration.ofMinutes(10L * (i + 1)));
            annPaths.add(Commitments.occurrencePath(
                    pair, Commitments.oneOff(pair, ann, due, Map.of()).getString("id"), due));
        }
        // Ben: two misses, one owned within a day and one only after 25 hours.
        List<String> benPaths = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Instant due = start.plus(Duration.ofMinutes(5L + 10L * i));
            benPaths.add(Commitments.occurrencePath(
                    pair, Commitments.oneOff(pair, ben, due, Map.of()).getString("id"), due));
        }
        // Renegotiating happens before the due time; the rest once everything is due.
        Api.as(ann)
                .body(Map.of("outcome", "renegotiated", "reason", "Late train"))
                .when()
                .post(annPaths.get(6) + "/outcome")
                .then()
                .statusCode(200);
        clock.advance(Duration.ofHours(2));
        for (int i = 0; i < annOutcomes.size(); i++) {
            if (i != 6) {
                Commitments.recordOutcome(ann, annPaths.get(i), annOutcomes.get(i));
            }
        }
        for (String path : benPaths) {
            Commitments.recordOutcome(ben, path, "missed");
        }
        Map<String, Object> sorry = Map.of("whatHappened", "Overslept", "prevention", "Earlier night");
        clock.advance(Duration.ofHours(1));
        Commitments.acknowledge(ben, benPaths.get(0), sorry);
        clock.advance(Duration.ofHours(25));
        Commitments.acknowledge(ben, benPaths.get(1), sorry);

        JsonPath insights = followThrough(ben, pair, "30d");

        assertEquals("30d", insights.getString("window"));
        Map<String, Object> a = insights.getMap("members[0]");
        assertEquals(ann.accountId().toString(), a.get("accountId"));
        assertEquals(5, a.get("kept"));
        assertEquals(1, a.get("missed"));
        assertEquals(1, a.get("renegotiated"));
        assertEquals(1, a.get("cancelled"));
        assertEquals(5.0 / 6.0, ((Number) a.get("rate")).doubleValue(), 1e-6);
        assertEquals(3, a.get("longestStreak"));
        assertEquals(3, a.get("currentStreak"), "renegotiated and cancelled neither break nor extend the streak");
        assertEquals(0, a.get("missesAcknowledgedWithin24h"));
        assertEquals(0.0, ((Number) a.get("acknowledgedShare")).doubleValue(), 1e-6);

        Map<String, Object> b = insights.getMap("members[1]");
        assertEquals(0, b.get("kept"));
        assertEquals(2, b.get("missed"));
        assertEquals(0.0, ((Number) b.get("rate")).doubleValue(), 1e-6);
        assertEquals(0, b.get("currentStreak"));
        assertEquals(1, b.get("missesAcknowledgedWithin24h"));
        assertEquals(0.5, ((Number) b.get("acknowledgedShare")).doubleValue(), 1e-6);

        List<Map<String, Object>> weeks = insights.getList("members[0].weeks");
        assertTrue(weeks.size() >= 5, "a row for every week of the window: " + weeks.size());
        int keptInWeeks = weeks.stream().mapToInt(w -> (Integer) w.get("kept")).sum();
        assertEquals(5, keptInWeeks);
    }

    /**
     * The service sends the totals as a prepared statement, and after five executions PostgreSQL may plan it
     * generically, without the parameter values (estimating one row per CTE). An earlier form then joined the streaks
     * to every occurrence in a nested loop and recomputed them per row: 50-70 ms instead of 2-3 ms for a busy
     * partnership. The work over the window's rows must happen once, whichever plan runs.
     */
    @Test
    void theTotalsAggregateTheWindowOnceEvenUnderAGenericPlan() throws Exception {
        Pairs.Pair pair = Pairs.aPartnership();
        SignedIn ann = pair.inviter();
        Instant start = clock.instant().plus(Duration.ofMinutes(1));
        List<String> outcomes = List.of("kept", "kept", "missed", "kept");
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < outcomes.size(); i++) {
            Instant due = start.plus(Duration.ofMinutes(10L * (i + 1)));
            paths.add(Commitments.occurrencePath(
                    pair, Commitments.oneOff(pair, ann, due, Map.of()).getString("id"), due));
        }
        clock.advance(Duration.ofHours(2));
        for (int i = 0; i < outcomes.size(); i++) {
            Commitments.recordOutcome(ann, paths.get(i), outcomes.get(i));
        }
        Instant to = clock.instant();
        String sql = FollowThroughService.TOTALS
                .replace("?1", "$1")
                .replace("?2", "$2")
                .replace("?3", "$3");
        List<Integer> loops = new ArrayList<>();
        try (Connection connection = database.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("set plan_cache_mode = force_generic_plan");
            statement.execute("prepare totals_check(uuid, timestamptz, timestamptz) as " + sql);
            try (ResultSet plan = statement.executeQuery("explain (analyze, format json) execute totals_check('"
                    + pair.partnershipId() + "', '" + to.minus(Duration.ofDays(30)) + "', '" + to + "')")) {
                plan.next();
                collectLoops(
                        new ObjectMapper().readTree(plan.getString(1)).get(0).get("Plan"), loops);
            } finally {
                statement.execute("deallocate totals_check");
                statement.execute("reset plan_cache_mode");
            }
        }
        assertTrue(loops.size() >= 3, "aggregation nodes in the plan: " + loops);
        assertTrue(loops.stream().allMatch(n -> n == 1), "aggregations and sorts each run once: " + loops);
    }

    /** The loop counts of every aggregation, window and sort node of an EXPLAIN (FORMAT JSON) plan. */
    private static void collectLoops(JsonNode node, List<Integer> loops) {
        String type = node.get("Node Type").asText();
        if (type.equals("Aggregate") || type.equals("WindowAgg") || type.contains("Sort")) {
            loops.add(node.get("Actual Loops").asInt());
        }
        node.path("Plans").forEach(child -> collectLoops(child, loops));
    }

    @Test
    void anEmptyWindowHasNoRateRatherThanZero() {
        Pairs.Pair pair = Pairs.aPartnership();
        JsonPath insights = followThrough(pair.inviter(), pair, "7d");

        assertEquals(2, insights.getList("members").size());
        assertNull(insights.get("members[0].rate"));
        assertEquals(0, insights.getInt("members[0].kept"));
        Api.invalidAs(pair.inviter())
                .queryParam("window", "2d")
                .when()
                .get("/v1/partnerships/{p}/insights/follow-through", pair.partnershipId())
                .then()
                .statusCode(400);
    }

    /** The follow-through insights of the pair over {@code window}, as {@code who} sees them; expects 200. */
    private static JsonPath followThrough(SignedIn who, Pairs.Pair pair, String window) {
        return Api.as(who)
                .queryParam("window", window)
                .when()
                .get("/v1/partnerships/{p}/insights/follow-through", pair.partnershipId())
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }
}
