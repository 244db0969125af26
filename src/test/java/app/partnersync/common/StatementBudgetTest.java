package app.partnersync.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.partnersync.support.Api;
import app.partnersync.support.CheckIns;
import app.partnersync.support.Commitments;
import app.partnersync.support.Pairs;
import app.partnersync.support.SignedIn;
import app.partnersync.support.StatementCounter;
import app.partnersync.support.SyncFeed;
import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

/**
 * The SQL statements each main endpoint issues, counted at Hibernate (every entity and native statement; the one
 * session check of a bearer token runs on plain JDBC and is not counted). A read costs the same whatever the amount
 * of data behind it — an N+1 query cannot come back unnoticed — and each budget is stated here.
 */
@QuarkusTest
class StatementBudgetTest {

    /** Statements per request, as measured when this test was written; a change here is a change of cost. */
    private static final Map<String, Integer> READ_BUDGET = budget(
            "GET /v1/me", 1, // the account
            "GET /v1/partnerships", 3, // page, members, their accounts
            "GET commitment", 2, // membership, commitment
            "GET commitments (page of 50)", 2, // membership, page
            "GET occurrences", 4, // membership, commitment, occurrences, their history
            "GET check-ins", 3, // membership, page, entries of the page
            "GET moments", 2, // membership, page
            "GET repair-plans", 3, // membership, page, reviews of the page
            "GET follow-through 30d", 4, // membership, totals, weekly series, members
            "GET overview 90d", 7, // membership, check-ins, outcomes, moments, cadence, trend, members
            // feed, one batched load per type in the page (+1 for entries, +1 reviews, +1 occurrence history)
            "GET sync (feed page)", 9);

    @Inject
    @PersistenceUnitExtension
    StatementCounter counter;

    @Test
    void everyMainReadCostsTheSameWhateverTheDataBehindIt() {
        Pairs.Pair pair = Pairs.aPartnership();
        String cursor = syncCursor(pair.invitee());
        String commitment = seed(pair, 2);
        Map<String, Integer> small = reads(pair, commitment, cursor);
        String cursorBeforeMore = syncCursor(pair.invitee());
        seed(pair, 20);
        Map<String, Integer> large = reads(pair, commitment, cursorBeforeMore);

        assertEquals(small, large, "the same statements for 2 and 22 records of each kind: no N+1");
        assertEquals(READ_BUDGET, large, "statement budget per request");
    }

    /**
     * A push of 10 mutations of mixed types (outcomes, an acknowledgement, moments, a check-in started, written and
     * closed, a repair plan, the cadence) with a cursor, so that the answer's pull is a feed page. Measured at 124 when
     * pushing every action became possible (issue 18), about 12 a mutation: each claims its id and stores its result
     * (2), announces its change (the change row and the partnership's webhook subscriptions, 2), checks membership
     * (the type's lock and the service's own check, 3 with the partnership read), and reads and writes its record
     * through the REST operation's service method. Milestones (issue 18) then made it 149: a change of what counts (the
     * outcome and the verdict of this batch, not the acknowledgement) decides milestones again, about 12 statements each
     * (the partnership's goals, its members, and the 30- and 365-day follow-through). The budget is that figure with a
     * little room: a change of how a mutation is applied that costs more should be a decision, not an accident.
     */
    private static final int PUSH_BUDGET = 155;

    @Test
    void aPushOfTenMixedMutationsStaysWithinItsBudget() {
        Pairs.Pair pair = Pairs.aPartnership();
        SignedIn who = pair.inviter();
        UUID p = pair.partnershipId();
        Instant due = Instant.now().plus(Duration.ofDays(2));
        String kept = occurrenceOf(pair, Commitments.ownPromise(pair, who, due).getString("id"));
        String missed =
                occurrenceOf(pair, Commitments.ownPromise(pair, who, due).getString("id"));
        String cursor = syncCursor(who);
        UUID checkIn = UUID.randomUUID();
        List<Map<String, Object>> batch = List.of(
                SyncFeed.mutation("occurrence", UUID.fromString(kept), null, "outcome", Map.of("outcome", "kept")),
                SyncFeed.mutation("occurrence", UUID.fromString(missed), null, "outcome", Map.of("outcome", "missed")),
                SyncFeed.mutation(
                        "occurrence",
                        UUID.fromString(missed),
                        null,
                        "acknowledgement",
                        Map.of("whatHappened", "Forgot", "prevention", "An alarm")),
                SyncFeed.mutation(
                        "moment",
                        UUID.randomUUID(),
                        null,
                        "create",
                        Map.of("partnershipId", p.toString(), "kind", "appreciation", "message", "Thanks")),
                SyncFeed.mutation(
                        "moment",
                        UUID.randomUUID(),
                        null,
                        "create",
                        Map.of("partnershipId", p.toString(), "kind", "cool_off")),
                SyncFeed.mutation(
                        "check_in", checkIn, null, "create", Map.of("partnershipId", p.toString(), "kind", "ad_hoc")),
                SyncFeed.mutation(
                        "check_in",
                        checkIn,
                        0L,
                        "entry",
                        Map.of("mood", CheckIns.score(3, "shared"), "submitted", true)),
                SyncFeed.mutation("check_in", checkIn, null, "close", null),
                SyncFeed.mutation(
                        "repair_plan",
                        UUID.randomUUID(),
                        null,
                        "create",
                        Map.of(
                                "partnershipId",
                                p.toString(),
                                "title",
                                "Plan",
                                "steps",
                                List.of(Map.of("text", "Talk")))),
                SyncFeed.mutation("cadence", p, 0L, "update", CheckIns.weekly("Europe/Berlin", "SUNDAY", "19:00")));

        int statements = count(() -> Api.as(who)
                .body(Map.of("cursor", cursor, "mutations", batch))
                .when()
                .post("/v1/sync")
                .then()
                .statusCode(200)
                .body("results.status", Matchers.everyItem(Matchers.equalTo("applied"))));

        assertTrue(
                statements <= PUSH_BUDGET,
                statements + " statements for a 10-mutation push, budget " + PUSH_BUDGET + ": " + counter.statements());
    }

    private static String occurrenceOf(Pairs.Pair pair, String commitmentId) {
        return Api.as(pair.inviter())
                .when()
                .get("/v1/partnerships/{p}/commitments/{c}/occurrences", pair.partnershipId(), commitmentId)
                .then()
                .statusCode(200)
                .extract()
                .path("items[0].id");
    }

    private Map<String, Integer> reads(Pairs.Pair pair, String commitment, String cursor) {
        SignedIn who = pair.invitee();
        UUID p = pair.partnershipId();
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put(
                "GET /v1/me",
                count(() -> Api.as(who).when().get("/v1/me").then().statusCode(200)));
        counts.put(
                "GET /v1/partnerships",
                count(() -> Api.as(who).when().get("/v1/partnerships").then().statusCode(200)));
        counts.put(
                "GET commitment",
                count(() -> Api.as(who)
                        .when()
                        .get("/v1/partnerships/{p}/commitments/{c}", p, commitment)
                        .then()
                        .statusCode(200)));
        counts.put(
                "GET commitments (page of 50)",
                count(() -> Api.as(who)
                        .queryParam("limit", 50)
                        .when()
                        .get("/v1/partnerships/{p}/commitments", p)
                        .then()
                        .statusCode(200)));
        counts.put(
                "GET occurrences",
                count(() -> Api.as(who)
                        .when()
                        .get("/v1/partnerships/{p}/commitments/{c}/occurrences", p, commitment)
                        .then()
                        .statusCode(200)));
        for (String list : List.of("check-ins", "moments", "repair-plans")) {
            counts.put(
                    "GET " + list,
                    count(() -> Api.as(who)
                            .queryParam("limit", 50)
                            .when()
                            .get("/v1/partnerships/{p}/" + list, p)
                            .then()
                            .statusCode(200)));
        }
        counts.put(
                "GET follow-through 30d",
                count(() -> Api.as(who)
                        .queryParam("window", "30d")
                        .when()
                        .get("/v1/partnerships/{p}/insights/follow-through", p)
                        .then()
                        .statusCode(200)));
        counts.put(
                "GET overview 90d",
                count(() -> Api.as(who)
                        .queryParam("window", "90d")
                        .when()
                        .get("/v1/partnerships/{p}/insights/overview", p)
                        .then()
                        .statusCode(200)));
        counts.put(
                "GET sync (feed page)",
                count(() -> Api.as(who)
                        .queryParam("limit", 100)
                        .queryParam("cursor", cursor)
                        .when()
                        .get("/v1/sync")
                        .then()
                        .statusCode(200)));
        return counts;
    }

    private int count(Supplier<?> request) {
        counter.reset();
        request.get();
        return counter.statements().size();
    }

    /** {@code n} records of each kind; returns the id of one commitment. */
    private static String seed(Pairs.Pair pair, int n) {
        UUID p = pair.partnershipId();
        String commitment = null;
        for (int i = 0; i < n; i++) {
            commitment = Commitments.create(
                            pair,
                            Map.of(
                                    "title",
                                    "Promise " + i,
                                    "promisedBy",
                                    List.of(
                                            pair.inviter().accountId(),
                                            pair.invitee().accountId()),
                                    "dueAt",
                                    Instant.now().plus(Duration.ofDays(2 + i)).toString()))
                    .getString("id");
            Api.as(pair.invitee())
                    .body(Map.of("kind", "appreciation", "message", "Thanks " + i))
                    .when()
                    .post("/v1/partnerships/{p}/moments", p)
                    .then()
                    .statusCode(201);
            String checkIn = CheckIns.start(pair.inviter(), p, Map.of("kind", "ad_hoc"));
            for (SignedIn member : List.of(pair.inviter(), pair.invitee())) {
                CheckIns.writeEntry(member, p, checkIn, Map.of("mood", CheckIns.score(3, "shared"), "submitted", true));
            }
            Api.as(pair.invitee())
                    .body(Map.of("title", "Plan " + i, "steps", List.of(Map.of("text", "Step " + i))))
                    .when()
                    .post("/v1/partnerships/{p}/repair-plans", p)
                    .then()
                    .statusCode(201);
        }
        return commitment;
    }

    /** A cursor at the end of the account's feed. */
    private static String syncCursor(SignedIn who) {
        String cursor = null;
        for (int i = 0; i < 100; i++) {
            var page = SyncFeed.page(who, cursor, 100);
            cursor = page.getString("nextCursor");
            if (!page.getBoolean("hasMore")) {
                return cursor;
            }
        }
        throw new AssertionError("sync did not settle");
    }

    private static Map<String, Integer> budget(Object... pairs) {
        Map<String, Integer> budget = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            budget.put((String) pairs[i], (Integer) pairs[i + 1]);
        }
        return budget;
    }
}
