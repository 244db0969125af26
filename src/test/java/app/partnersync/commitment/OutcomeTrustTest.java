package app.partnersync.commitment;

import static app.partnersync.support.Problems.PROBLEMS;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import app.partnersync.support.Api;
import app.partnersync.support.Commitments;
import app.partnersync.support.Pairs;
import app.partnersync.support.ResetTestClockAfterEach;
import app.partnersync.support.SignedIn;
import app.partnersync.support.SyncFeed;
import app.partnersync.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Outcomes the partner can trust (issue 18): a miss changed after the due time waits for the partner, a disputed kept
 * outcome does not count, late cancellations are counted, every change is kept as history, and a one-off cannot be
 * made already due.
 */
@QuarkusTest
@ExtendWith(ResetTestClockAfterEach.class)
class OutcomeTrustTest {

    @Inject
    TestClock clock;

    @Inject
    CommitmentSweeps sweeps;

    /** Four one-off promises of {@code promiser}, due 10, 20, 30 and 40 minutes from now: their occurrence paths. */
    private List<String> fourPromises(Pairs.Pair pair, SignedIn promiser) {
        Instant start = clock.instant();
        List<String> paths = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            Instant due = start.plus(Duration.ofMinutes(10L * i));
            paths.add(Commitments.occurrencePath(
                    pair, Commitments.oneOff(pair, promiser, due, Map.of()).getString("id"), due));
        }
        return paths;
    }

    @Test
    void missesChangedAfterTheDueTimeCountOnlyOnceThePartnerAccepts() {
        Pairs.Pair pair = Pairs.aPartnership();
        SignedIn ann = pair.inviter();
        SignedIn ben = pair.invitee();
        List<String> paths = fourPromises(pair, ann);
        // An hour later all four are due (and still within the two hours before an open one is missed by itself).
        clock.advance(Duration.ofHours(1));
        Commitments.recordOutcome(ann, paths.get(0), "kept");
        Commitments.recordOutcome(ann, paths.get(1), "kept");
        Commitments.recordOutcome(ann, paths.get(2), "missed");
        Commitments.recordOutcome(ann, paths.get(3), "missed");
        Map<String, Object> before = member(followThrough(ben, pair), ann);
        assertEquals(0.5, rate(before), 1e-9);
        assertEquals(0, before.get("currentStreak"));
        assertEquals(2, before.get("longestStreak"));

        // The probe of the issue: the promiser re-records the two misses after their due times.
        JsonPath cancelled = record(ann, paths.get(2), Map.of("outcome", "cancelled", "note", "Called off"));
        assertEquals("missed", cancelled.getString("status"), "a change of a miss after the due time is not silent");
        assertEquals("cancelled", cancelled.getString("pendingRevision.outcome"));
        assertEquals("Called off", cancelled.getString("pendingRevision.note"));
        Instant requestedAt = Instant.parse(cancelled.getString("pendingRevision.requestedAt"));
        assertEquals(
                requestedAt.plus(Duration.ofDays(7)), Instant.parse(cancelled.getString("pendingRevision.lapsesAt")));
        JsonPath kept = record(ann, paths.get(3), Map.of("outcome", "kept"));
        assertEquals("missed", kept.getString("status"));
        assertEquals("kept", kept.getString("pendingRevision.outcome"));

        Map<String, Object> pending = member(followThrough(ben, pair), ann);
        assertEquals(0.5, rate(pending), 1e-9, "pending revisions count as they were");
        assertEquals(2, pending.get("kept"));
        assertEquals(2, pending.get("missed"));
        assertEquals(0, pending.get("cancelled"));
        assertEquals(before.get("currentStreak"), pending.get("currentStreak"));
        assertEquals(before.get("longestStreak"), pending.get("longestStreak"));

        // The partner sees both revisions, and only the partner answers them.
        JsonPath seen = occurrence(ben, paths.get(3));
        assertEquals("kept", seen.getString("pendingRevision.outcome"));
        answer(ann, paths.get(3), "accept").then().statusCode(403).body("type", equalTo(PROBLEMS + "own-outcome"));
        answer(ben, paths.get(0), "accept").then().statusCode(409).body("type", equalTo(PROBLEMS + "outcome-conflict"));

        JsonPath accepted = answer(ben, paths.get(3), "accept")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals("kept", accepted.getString("status"));
        assertNull(accepted.get("pendingRevision"));
        Map<String, Object> afterAccept = member(followThrough(ann, pair), ann);
        assertEquals(0.75, rate(afterAccept), 1e-9, "kept 3 of 3 kept + 1 missed");
        assertEquals(1, afterAccept.get("currentStreak"));

        // The other one is left unanswered: seven days on it lapses, once, and the miss stands.
        clock.advance(Duration.ofDays(7).plusMinutes(1));
        sweeps.sweepLapsedRevisions();
        assertEquals(0, sweeps.sweepLapsedRevisions(), "a lapse happens once");
        answer(ben, paths.get(2), "accept").then().statusCode(409).body("type", equalTo(PROBLEMS + "outcome-conflict"));
        JsonPath lapsed = occurrence(ann, paths.get(2));
        assertEquals("missed", lapsed.getString("status"));
        assertNull(lapsed.get("pendingRevision"));
        Map<String, Object> afterLapse = member(followThrough(ben, pair), ann);
        assertEquals(0.75, rate(afterLapse), 1e-9);
        assertEquals(1, afterLapse.get("missed"));

        // Both members see every step, with who acted and when.
        for (SignedIn viewer : List.of(ann, ben)) {
            JsonPath third = occurrence(viewer, paths.get(2));
            assertEquals(List.of("recorded", "revision_requested", "revision_lapsed"), third.getList("history.event"));
            assertEquals(List.of("missed", "cancelled", "cancelled"), third.getList("history.outcome"));
            assertEquals(ann.accountId().toString(), third.getString("history[0].by"));
            assertNull(third.get("history[2].by"), "the service lapsed it");
            JsonPath fourth = occurrence(viewer, paths.get(3));
            assertEquals(
                    List.of("recorded", "revision_requested", "revision_accepted"), fourth.getList("history.event"));
            assertEquals(ben.accountId().toString(), fourth.getString("history[2].by"));
            assertNotNull(fourth.get("history[1].occurredAt"));
        }
    }

    @Test
    void historyIsInSyncAndTheExportAndLosesItsAuthorWhenTheAccountIsDeleted() {
        Pairs.Pair pair = Pairs.aPartnership();
        SignedIn ann = pair.inviter();
        SignedIn ben = pair.invitee();
        Instant due = clock.instant().plus(Duration.ofMinutes(10));
        String commitment = Commitments.oneOff(pair, ann, due, Map.of()).getString("id");
        String path = Commitments.occurrencePath(pair, commitment, due);
        clock.advance(Duration.ofMinutes(20));
        Commitments.recordOutcome(ann, path, "kept");
        Api.as(ben)
                .body(Map.of("verdict", "disputed", "note", "Not done"))
                .when()
                .post(path + "/confirmation")
                .then()
                .statusCode(200);
        String id = occurrence(ben, path).getString("id");

        Map<String, Object> synced = pulled(ben, id);
        assertNotNull(synced, "the occurrence is in the partner's feed");
        assertEquals(List.of("recorded", "disputed"), events(synced));

        JsonPath export = Api.as(ann)
                .when()
                .get("/v1/me/export")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        List<Map<String, Object>> exported = export.getList("occurrences.findAll { it.id == '" + id + "' }");
        assertEquals(1, exported.size());
        assertEquals(List.of("recorded", "disputed"), events(exported.get(0)));

        Api.as(ann)
                .body(Map.of("password", ann.password()))
                .when()
                .delete("/v1/me")
                .then()
                .statusCode(204);
        JsonPath after = occurrence(ben, path);
        assertNull(after.get("history[0].by"), "the deleted member's entry is un-named");
        assertEquals(ben.accountId().toString(), after.getString("history[1].by"));
        assertNull(pulled(ben, id).get("promiser"));
    }

    @Test
    void aDisputedKeptDoesNotCountUntilThePartnerConfirmsIt() {
        Pairs.Pair pair = Pairs.aPartnership();
        SignedIn ann = pair.inviter();
        SignedIn ben = pair.invitee();
        List<String> paths = fourPromises(pair, ann).subList(0, 3);
        clock.advance(Duration.ofHours(1));
        Commitments.recordOutcome(ann, paths.get(0), "kept");
        Commitments.recordOutcome(ann, paths.get(1), "kept");
        Commitments.recordOutcome(ann, paths.get(2), "missed");
        verdict(ben, paths.get(1), "disputed");

        Map<String, Object> disputed = member(followThrough(ben, pair), ann);
        assertEquals(1, disputed.get("kept"));
        assertEquals(1, disputed.get("disputed"));
        assertEquals(1, disputed.get("missed"));
        assertEquals(0.5, rate(disputed), 1e-9, "kept undisputed 1 / (1 + missed 1)");

        // After the due time the promiser insisting on kept is a revision too: the dispute stands meanwhile.
        JsonPath insisted = record(ann, paths.get(1), Map.of("outcome", "kept", "note", "Really"));
        assertEquals("disputed", insisted.getString("confirmation.verdict"));
        assertEquals("kept", insisted.getString("pendingRevision.outcome"));
        assertEquals(1, member(followThrough(ben, pair), ann).get("disputed"));

        // The partner's confirmation settles it: it counts as kept again, and the revision is answered by it.
        JsonPath confirmed = verdict(ben, paths.get(1), "confirmed");
        assertNull(confirmed.get("pendingRevision"));
        Map<String, Object> settled = member(followThrough(ann, pair), ann);
        assertEquals(2, settled.get("kept"));
        assertEquals(0, settled.get("disputed"));
        assertEquals(2.0 / 3.0, rate(settled), 1e-6);
        assertEquals(
                List.of("recorded", "disputed", "revision_requested", "confirmed"),
                occurrence(ann, paths.get(1)).getList("history.event"));
    }

    @Test
    void cancellingLateIsCountedPerMember() {
        Pairs.Pair pair = Pairs.aPartnership();
        SignedIn ann = pair.inviter();
        SignedIn ben = pair.invitee();
        Instant now = clock.instant();
        Instant early = now.plus(Duration.ofHours(3));
        Instant soon = now.plus(Duration.ofHours(1));
        Instant benDue = now.plus(Duration.ofMinutes(30));
        String annEarly = Commitments.occurrencePath(
                pair, Commitments.oneOff(pair, ann, early, Map.of()).getString("id"), early);
        String annSoon = Commitments.occurrencePath(
                pair, Commitments.oneOff(pair, ann, soon, Map.of()).getString("id"), soon);
        String benPath = Commitments.occurrencePath(
                pair, Commitments.oneOff(pair, ben, benDue, Map.of()).getString("id"), benDue);
        Commitments.recordOutcome(ann, annEarly, "cancelled"); // three hours ahead: in time
        Commitments.recordOutcome(ann, annSoon, "cancelled"); // one hour ahead: late
        clock.advance(Duration.ofHours(1));
        Commitments.recordOutcome(ben, benPath, "cancelled"); // half an hour after the due time: late

        // The window ends now: let every due time pass first.
        clock.advance(Duration.ofHours(3));
        JsonPath insights = followThrough(ann, pair);
        Map<String, Object> a = member(insights, ann);
        Map<String, Object> b = member(insights, ben);
        assertEquals(2, a.get("cancelled"));
        assertEquals(1, a.get("lateCancellations"));
        assertEquals(1, b.get("cancelled"));
        assertEquals(1, b.get("lateCancellations"));
    }

    @Test
    void aOneOffAlreadyDueIsRefusedUnlessItWasMadeBeforeItWasDue() {
        Pairs.Pair pair = Pairs.aPartnership();
        SignedIn ann = pair.inviter();
        Instant signedIn = clock.instant();
        clock.advance(Duration.ofMinutes(30));
        Instant due = signedIn.plus(Duration.ofMinutes(20));
        Map<String, Object> body = Map.of(
                "title", "Too late", "promisedBy", List.of(ann.accountId().toString()), "dueAt", due.toString());

        Api.as(ann)
                .body(body)
                .when()
                .post("/v1/partnerships/{p}/commitments", pair.partnershipId())
                .then()
                .statusCode(400)
                .body("type", equalTo(PROBLEMS + "validation-failed"))
                .body("errors[0].field", equalTo("dueAt"));

        // Made offline ten minutes before it was due: accepted, with its occurrence (already due).
        String id = Api.as(ann)
                .header("Occurred-At", signedIn.plus(Duration.ofMinutes(10)).toString())
                .body(body)
                .when()
                .post("/v1/partnerships/{p}/commitments", pair.partnershipId())
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        JsonPath occurrences = Api.as(ann)
                .when()
                .get("/v1/partnerships/{p}/commitments/{c}/occurrences", pair.partnershipId(), id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(
                List.of(due.toString()),
                occurrences.getList("items.dueAt").stream()
                        .map(at -> Instant.parse((String) at).toString())
                        .toList());
    }

    @Test
    void aChangeBeforeTheDueTimeStaysDirect() {
        Pairs.Pair pair = Pairs.aPartnership();
        SignedIn ann = pair.inviter();
        Instant due = clock.instant().plus(Duration.ofHours(1));
        String path = Commitments.occurrencePath(
                pair, Commitments.oneOff(pair, ann, due, Map.of()).getString("id"), due);
        Commitments.recordOutcome(ann, path, "missed");
        JsonPath kept = record(ann, path, Map.of("outcome", "kept"));
        assertEquals("kept", kept.getString("status"));
        assertNull(kept.get("pendingRevision"));
        assertFalse(kept.getList("history").isEmpty());
    }

    // ---------------------------------------------------------------------------------------------------- helpers

    private static JsonPath record(SignedIn promiser, String path, Map<String, Object> body) {
        return Api.as(promiser)
                .body(body)
                .when()
                .post(path + "/outcome")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static JsonPath verdict(SignedIn partner, String path, String verdict) {
        return Api.as(partner)
                .body(Map.of("verdict", verdict))
                .when()
                .post(path + "/confirmation")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static io.restassured.response.Response answer(SignedIn member, String path, String decision) {
        return Api.as(member).body(Map.of("decision", decision)).when().post(path + "/revision");
    }

    /** The occurrence at {@code path} (…/occurrences/{dueDate}) as {@code viewer} lists it. */
    private static JsonPath occurrence(SignedIn viewer, String path) {
        int cut = path.lastIndexOf("/occurrences/");
        String dueDate = path.substring(cut + "/occurrences/".length());
        JsonPath list = Api.as(viewer)
                .queryParam("from", dueDate + "T00:00:00Z")
                .queryParam("to", java.time.LocalDate.parse(dueDate).plusDays(1) + "T00:00:00Z")
                .when()
                .get(path.substring(0, cut) + "/occurrences")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(1, list.getList("items").size());
        return new JsonPath(list.prettify()).setRootPath("items[0]");
    }

    private static JsonPath followThrough(SignedIn viewer, Pairs.Pair pair) {
        return Api.as(viewer)
                .when()
                .get("/v1/partnerships/{p}/insights/follow-through", pair.partnershipId())
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static Map<String, Object> member(JsonPath followThrough, SignedIn member) {
        return followThrough.getMap("members.find { it.accountId == '" + member.accountId() + "' }");
    }

    private static double rate(Map<String, Object> member) {
        return ((Number) member.get("rate")).doubleValue();
    }

    @SuppressWarnings("unchecked")
    private static List<String> events(Map<String, Object> occurrence) {
        return ((List<Map<String, Object>>) occurrence.get("history"))
                .stream().map(entry -> (String) entry.get("event")).toList();
    }

    /** The last record of occurrence {@code id} in {@code member}'s whole feed, or null. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> pulled(SignedIn member, String id) {
        Map<String, Object> found = null;
        String cursor = null;
        for (int page = 0; page < 100; page++) {
            JsonPath feed = SyncFeed.page(member, cursor);
            for (Map<String, Object> change : feed.<Map<String, Object>>getList("changes")) {
                if ("occurrence".equals(change.get("type")) && id.equals(change.get("id"))) {
                    found = (Map<String, Object>) change.get("record");
                }
            }
            cursor = feed.getString("nextCursor");
            if (!feed.getBoolean("hasMore")) {
                return found;
            }
        }
        throw new AssertionError("the feed did not end");
    }
}
