package app.partnersync.sync;

import static app.partnersync.support.Problems.PROBLEMS;
import static app.partnersync.support.SyncFeed.mutation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.partnersync.support.Api;
import app.partnersync.support.CheckIns;
import app.partnersync.support.Commitments;
import app.partnersync.support.Pairs;
import app.partnersync.support.SignedIn;
import app.partnersync.support.SyncFeed;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every member write can be pushed (issue 18): one batch with every pushable type and op, records created offline and
 * written to in the same batch, each applied through the same service method as its REST operation; a replay changes
 * nothing; stale versions conflict; a refusal is the REST operation's problem and holds nothing else back.
 */
@QuarkusTest
class PushEveryActionTest {

    @Test
    void oneBatchCarriesEveryActionAndItsReplayChangesNothing() {
        Pairs.Pair pair = Pairs.aPartnership();
        SignedIn mara = pair.inviter();
        SignedIn jonas = pair.invitee();
        Instant due = Instant.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.MINUTES);
        String keep = occurrenceId(pair, mara, Commitments.ownPromise(pair, mara, due));
        String miss = occurrenceId(pair, mara, Commitments.ownPromise(pair, mara, due));
        JsonPath late = Commitments.ownPromise(pair, mara, due);
        String lateOccurrence = occurrenceId(pair, mara, late);
        JsonPath jonasPromise = Commitments.oneOff(pair, jonas, due, Map.of());
        String confirm = occurrenceId(pair, mara, jonasPromise);
        Commitments.recordOutcome(jonas, Commitments.occurrencePath(pair, jonasPromise.getString("id"), due), "kept");
        UUID appreciation = UUID.randomUUID();
        UUID runningLate = UUID.randomUUID();
        UUID coolOff = UUID.randomUUID();
        UUID checkIn = UUID.randomUUID();
        UUID plan = UUID.randomUUID();
        UUID step = UUID.randomUUID();
        String partnership = pair.partnershipId().toString();

        List<Map<String, Object>> batch = List.of(
                mutation("occurrence", UUID.fromString(keep), null, "outcome", Map.of("outcome", "kept")),
                mutation(
                        "occurrence",
                        UUID.fromString(confirm),
                        null,
                        "confirmation",
                        Map.of("verdict", "confirmed", "note", "Saw it done")),
                mutation("occurrence", UUID.fromString(miss), null, "outcome", Map.of("outcome", "missed")),
                mutation(
                        "occurrence",
                        UUID.fromString(miss),
                        null,
                        "acknowledgement",
                        Map.of("whatHappened", "I forgot", "prevention", "An alarm")),
                mutation(
                        "moment",
                        appreciation,
                        null,
                        "create",
                        Map.of("partnershipId", partnership, "kind", "appreciation", "message", "Thank you")),
                mutation(
                        "moment",
                        runningLate,
                        null,
                        "create",
                        Map.of(
                                "partnershipId",
                                partnership,
                                "kind",
                                "running_late",
                                "arrivalAt",
                                due.plus(Duration.ofMinutes(30)).toString(),
                                "occurrence",
                                Map.of(
                                        "commitmentId",
                                        late.getString("id"),
                                        "dueDate",
                                        due.atZone(ZoneOffset.UTC).toLocalDate().toString()))),
                mutation(
                        "moment",
                        coolOff,
                        null,
                        "create",
                        Map.of("partnershipId", partnership, "kind", "cool_off", "minutes", 15)),
                mutation("check_in", checkIn, null, "create", Map.of("partnershipId", partnership, "kind", "ad_hoc")),
                mutation(
                        "check_in",
                        checkIn,
                        0L,
                        "entry",
                        Map.of(
                                "mood",
                                CheckIns.score(4, "shared"),
                                "gratitude",
                                Map.of("text", "Dinner", "visibility", "private"),
                                "submitted",
                                true)),
                mutation("check_in", checkIn, null, "close", null),
                mutation(
                        "repair_plan",
                        plan,
                        null,
                        "create",
                        Map.of(
                                "partnershipId",
                                partnership,
                                "title",
                                "After the missed dinner",
                                "steps",
                                List.of(Map.of("id", step.toString(), "text", "Talk it through")))),
                mutation(
                        "repair_plan",
                        plan,
                        0L,
                        "update",
                        Map.of(
                                "steps",
                                List.of(Map.of("id", step.toString(), "text", "Talk it through", "done", true)))),
                mutation(
                        "cadence",
                        pair.partnershipId(),
                        0L,
                        "update",
                        CheckIns.weekly("Europe/Berlin", "SUNDAY", "19:00")));

        JsonPath answer = SyncFeed.push(mara, batch);

        assertEquals(batch.size(), answer.getList("results").size());
        for (int i = 0; i < batch.size(); i++) {
            assertEquals(
                    "applied",
                    answer.getString("results[" + i + "].status"),
                    "mutation " + i + ": " + answer.prettify());
            assertEquals(batch.get(i).get("op"), answer.getString("results[" + i + "].op"));
            assertEquals(batch.get(i).get("type"), answer.getString("results[" + i + "].type"));
        }
        assertEquals("kept", answer.getString("results[0].record.status"));
        assertEquals("confirmed", answer.getString("results[1].record.confirmation.verdict"));
        assertEquals("I forgot", answer.getString("results[3].record.acknowledgement.whatHappened"));

        // Each record as the REST API shows it.
        String base = "/v1/partnerships/" + partnership;
        assertEquals("kept", occurrence(pair, mara, keep).getString("status"));
        assertEquals("missed", occurrence(pair, mara, miss).getString("status"));
        assertEquals("An alarm", occurrence(pair, mara, miss).getString("acknowledgement.prevention"));
        assertEquals("renegotiated", occurrence(pair, mara, lateOccurrence).getString("status"));
        assertEquals("confirmed", occurrence(pair, mara, confirm).getString("confirmation.verdict"));
        assertEquals("Thank you", get(mara, base + "/moments/" + appreciation).getString("message"));
        assertEquals("running_late", get(mara, base + "/moments/" + runningLate).getString("kind"));
        assertEquals("cool_off", get(mara, base + "/moments/" + coolOff).getString("kind"));
        JsonPath closed = get(mara, base + "/check-ins/" + checkIn);
        assertEquals("closed", closed.getString("status"));
        assertEquals(4, closed.getInt("entries.find { it.mine }.mood.value"));
        JsonPath seenByJonas = get(jonas, base + "/check-ins/" + checkIn);
        assertEquals(4, seenByJonas.getInt("entries[0].mood.value"));
        assertNull(seenByJonas.get("entries[0].gratitude"), "a private field never reaches the partner");
        JsonPath repair = get(mara, base + "/repair-plans/" + plan);
        assertTrue(repair.getBoolean("steps[0].done"));
        assertEquals(step.toString(), repair.getString("steps[0].id"));
        assertEquals("Europe/Berlin", get(mara, base + "/cadence").getString("timeZone"));

        // The replay: the same mutation ids answer the same results and write nothing.
        String cursor = feedEnd(mara);
        String versions = versionsOf(pair, mara, List.of(keep, miss, lateOccurrence, confirm), checkIn, plan);
        JsonPath replay = SyncFeed.push(mara, batch);
        assertEquals(answer.getList("results"), replay.getList("results"));
        assertEquals(versions, versionsOf(pair, mara, List.of(keep, miss, lateOccurrence, confirm), checkIn, plan));
        assertEquals(List.of(), SyncFeed.page(mara, cursor).getList("changes"), "a replay writes no change");
    }

    @Test
    void aStaleBaseVersionConflictsWithTheCurrentRecordOfEachType() {
        Pairs.Pair pair = Pairs.aPartnership();
        SignedIn mara = pair.inviter();
        Instant due = Instant.now().plus(Duration.ofDays(2));
        String occurrence = occurrenceId(pair, mara, Commitments.ownPromise(pair, mara, due));
        String checkIn = CheckIns.start(mara, pair.partnershipId(), Map.of("kind", "ad_hoc"));
        String plan = Api.as(mara)
                .body(Map.of("title", "Repair"))
                .when()
                .post("/v1/partnerships/{p}/repair-plans", pair.partnershipId())
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        CheckIns.setCadence(mara, pair.partnershipId(), CheckIns.weekly("Europe/Berlin", "SUNDAY", "19:00"));

        JsonPath answer = SyncFeed.push(
                mara,
                List.of(
                        mutation("occurrence", UUID.fromString(occurrence), 7L, "outcome", Map.of("outcome", "kept")),
                        mutation("check_in", UUID.fromString(checkIn), 7L, "close", null),
                        mutation("check_in", UUID.fromString(checkIn), 7L, "entry", Map.of("submitted", false)),
                        mutation("repair_plan", UUID.fromString(plan), 7L, "update", Map.of("title", "Stale")),
                        mutation(
                                "cadence",
                                pair.partnershipId(),
                                0L,
                                "update",
                                CheckIns.weekly("Europe/Lisbon", "MONDAY", "08:00"))));

        assertEquals(
                List.of("conflict", "conflict", "conflict", "conflict", "conflict"), answer.getList("results.status"));
        assertEquals(occurrence, answer.getString("results[0].record.id"));
        assertEquals("open", answer.getString("results[0].record.status"));
        assertEquals("open", answer.getString("results[1].record.status"));
        assertEquals("Repair", answer.getString("results[3].record.title"));
        assertEquals("Europe/Berlin", answer.getString("results[4].record.timeZone"));
        // Nothing was written.
        assertEquals("open", occurrence(pair, mara, occurrence).getString("status"));
        assertEquals(
                "open",
                get(mara, "/v1/partnerships/" + pair.partnershipId() + "/check-ins/" + checkIn)
                        .getString("status"));
        assertEquals(
                "Europe/Berlin",
                get(mara, "/v1/partnerships/" + pair.partnershipId() + "/cadence")
                        .getString("timeZone"));
    }

    @Test
    void aRefusalIsTheRestProblemAndTheRestOfTheBatchApplies() {
        Pairs.Pair pair = Pairs.aPartnership();
        SignedIn mara = pair.inviter();
        SignedIn jonas = pair.invitee();
        Pairs.Pair stranger = Pairs.aPartnership();
        Instant due = Instant.now().plus(Duration.ofDays(2));
        String marasOccurrence = occurrenceId(pair, mara, Commitments.ownPromise(pair, mara, due));
        String checkIn = CheckIns.start(mara, pair.partnershipId(), Map.of("kind", "ad_hoc"));
        CheckIns.writeEntry(
                mara, pair.partnershipId(), checkIn, Map.of("mood", CheckIns.score(2, "shared"), "submitted", false));
        String strangersCheckIn =
                CheckIns.start(stranger.inviter(), stranger.partnershipId(), Map.of("kind", "ad_hoc"));
        UUID moment = UUID.randomUUID();

        JsonPath answer = SyncFeed.push(
                jonas,
                List.of(
                        // Jonas did not make Mara's promise: the REST operation's 403 not-promiser.
                        mutation(
                                "occurrence",
                                UUID.fromString(marasOccurrence),
                                null,
                                "outcome",
                                Map.of("outcome", "kept")),
                        // The entry op writes the caller's own entry: Jonas's, never Mara's.
                        mutation(
                                "check_in",
                                UUID.fromString(checkIn),
                                null,
                                "entry",
                                Map.of("mood", CheckIns.score(5, "shared"), "submitted", false)),
                        // Another partnership's check-in is not found.
                        mutation("check_in", UUID.fromString(strangersCheckIn), null, "close", null),
                        mutation(
                                "moment",
                                moment,
                                null,
                                "create",
                                Map.of(
                                        "partnershipId",
                                        pair.partnershipId().toString(),
                                        "kind",
                                        "appreciation",
                                        "message",
                                        "Thanks"))));

        assertEquals(List.of("rejected", "applied", "rejected", "applied"), answer.getList("results.status"));
        assertEquals(PROBLEMS + "not-promiser", answer.getString("results[0].problem.type"));
        assertEquals(403, answer.getInt("results[0].problem.status"));
        assertEquals(PROBLEMS + "not-found", answer.getString("results[2].problem.type"));
        assertEquals("open", occurrence(pair, mara, marasOccurrence).getString("status"));
        JsonPath asMara = get(mara, "/v1/partnerships/" + pair.partnershipId() + "/check-ins/" + checkIn);
        assertEquals(2, asMara.getInt("entries.find { it.mine }.mood.value"), "Mara's entry is as she wrote it");
        assertEquals(2, asMara.getList("entries").size(), "Jonas wrote an entry of his own");
        assertEquals(
                "open",
                get(
                                stranger.inviter(),
                                "/v1/partnerships/" + stranger.partnershipId() + "/check-ins/" + strangersCheckIn)
                        .getString("status"));
        assertEquals(
                "Thanks",
                get(mara, "/v1/partnerships/" + pair.partnershipId() + "/moments/" + moment)
                        .getString("message"));
    }

    @Test
    void aScheduledCheckInThePartnerStartedFirstIsAConflictCarryingTheirs() {
        Pairs.Pair pair = Pairs.aPartnership();
        CheckIns.setCadence(pair.inviter(), pair.partnershipId(), CheckIns.weekly("Europe/Berlin", "SUNDAY", "19:00"));
        String startsAt =
                CheckIns.upcoming(pair.inviter(), pair.partnershipId()).getString("items[0].startsAt");
        String theirs = CheckIns.start(
                pair.invitee(), pair.partnershipId(), Map.of("kind", "weekly", "scheduledFor", startsAt));
        UUID mine = UUID.randomUUID();

        JsonPath answer = SyncFeed.push(
                pair.inviter(),
                List.of(mutation(
                        "check_in",
                        mine,
                        null,
                        "create",
                        Map.of(
                                "partnershipId",
                                pair.partnershipId().toString(),
                                "kind",
                                "weekly",
                                "scheduledFor",
                                startsAt))));

        assertEquals("conflict", answer.getString("results[0].status"));
        assertEquals(mine.toString(), answer.getString("results[0].id"));
        assertEquals(theirs, answer.getString("results[0].record.id"), "the one check-in of that start, under its id");
        Api.as(pair.inviter())
                .when()
                .get("/v1/partnerships/{p}/check-ins/{c}", pair.partnershipId(), mine)
                .then()
                .statusCode(404);
    }

    @Test
    void anOpATypeDoesNotTakeIsRejectedOnItsOwn() {
        Pairs.Pair pair = Pairs.aPartnership();
        JsonPath answer = SyncFeed.pushOutsideTheContract(
                pair.inviter(),
                List.of(
                        mutation("moment", UUID.randomUUID(), null, "update", Map.of("message", "x")),
                        mutation("commitment", UUID.randomUUID(), null, "close", null),
                        mutation("invitation", UUID.randomUUID(), null, "create", Map.of())));

        assertEquals(List.of("rejected", "rejected", "rejected"), answer.getList("results.status"));
        assertEquals(
                List.of(
                        PROBLEMS + "unsupported-mutation",
                        PROBLEMS + "unsupported-mutation",
                        PROBLEMS + "unsupported-mutation"),
                answer.getList("results.problem.type"));
    }

    /** Which commitment each occurrence of these tests belongs to. */
    private static final Map<String, String> COMMITMENT_OF = new java.util.concurrent.ConcurrentHashMap<>();

    /** The id of the commitment's only occurrence, as sync and the occurrence list give it. */
    private static String occurrenceId(Pairs.Pair pair, SignedIn member, JsonPath commitment) {
        String id = occurrences(pair, member, commitment.getString("id")).getString("items[0].id");
        COMMITMENT_OF.put(id, commitment.getString("id"));
        return id;
    }

    private static JsonPath occurrences(Pairs.Pair pair, SignedIn member, String commitmentId) {
        return get(member, Commitments.path(pair, commitmentId) + "/occurrences");
    }

    /** An occurrence by id, as its partnership's occurrence lists (the REST API) show it. */
    private static JsonPath occurrence(Pairs.Pair pair, SignedIn member, String occurrenceId) {
        String commitmentId = COMMITMENT_OF.get(occurrenceId);
        JsonPath list = occurrences(pair, member, commitmentId);
        return new JsonPath(list.prettify()).setRootPath("items.find { it.id == '" + occurrenceId + "' }");
    }

    private static JsonPath get(SignedIn member, String path) {
        return Api.as(member).when().get(path).then().statusCode(200).extract().jsonPath();
    }

    /** The cursor after every change the member can pull now. */
    private static String feedEnd(SignedIn member) {
        JsonPath page = SyncFeed.firstPage(member, 100);
        for (int i = 0; i < 100 && page.getBoolean("hasMore"); i++) {
            page = SyncFeed.page(member, page.getString("nextCursor"), 100);
        }
        assertFalse(page.getBoolean("hasMore"));
        return page.getString("nextCursor");
    }

    private static String versionsOf(
            Pairs.Pair pair, SignedIn member, List<String> occurrenceIds, UUID checkIn, UUID plan) {
        String base = "/v1/partnerships/" + pair.partnershipId();
        StringBuilder versions = new StringBuilder();
        for (String id : occurrenceIds) {
            versions.append(occurrence(pair, member, id).getLong("version")).append(',');
        }
        return versions.append(get(member, base + "/check-ins/" + checkIn).getLong("version"))
                .append(',')
                .append(get(member, base + "/repair-plans/" + plan).getLong("version"))
                .append(',')
                .append(get(member, base + "/cadence").getLong("version"))
                .toString();
    }
}
