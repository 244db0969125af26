package app.partnersync.sync;

import static app.partnersync.support.Problems.PROBLEMS;
import static app.partnersync.support.SyncFeed.mutation;
import static org.junit.jupiter.api.Assertions.assertEquals;

import app.partnersync.support.Accounts;
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
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A pushed mutation is judged at its {@code occurredAt}: what the person did offline before a due time counts as
 * done before it, whenever it arrives, within the bounds of the client's time; and the partner answers a revision from
 * an offline device too.
 */
@QuarkusTest
@ExtendWith(ResetTestClockAfterEach.class)
class PushedTimeTest {

    @Inject
    TestClock clock;

    @Test
    void aRunningLateWrittenBeforeTheDueTimeAndPushedAfterItRenegotiatesOneWrittenAfterItIsRefused() {
        Pairs.Pair pair = Pairs.aPartnership();
        SignedIn jonas = pair.invitee();
        Instant due = clock.instant().plus(Duration.ofMinutes(30)).truncatedTo(ChronoUnit.SECONDS);
        String inTime = Commitments.oneOff(pair, jonas, due, Map.of("title", "Pick up the kids"))
                .getString("id");
        String tooLate = Commitments.oneOff(pair, jonas, due, Map.of("title", "Call back"))
                .getString("id");
        clock.advance(Duration.ofMinutes(45));

        JsonPath answer = SyncFeed.push(
                jonas,
                List.of(
                        runningLate(pair, inTime, due, due.minus(Duration.ofMinutes(3))),
                        runningLate(pair, tooLate, due, due.plus(Duration.ofMinutes(3)))));

        assertEquals("applied", answer.getString("results[0].status"));
        assertEquals(due.minus(Duration.ofMinutes(3)).toString(), answer.getString("results[0].record.createdAt"));
        assertEquals("rejected", answer.getString("results[1].status"));
        assertEquals(PROBLEMS + "outcome-conflict", answer.getString("results[1].problem.type"));
        assertEquals(
                "renegotiated", firstOccurrence(pair, pair.inviter(), inTime).getString("status"));
        assertEquals("open", firstOccurrence(pair, pair.inviter(), tooLate).getString("status"));
    }

    @Test
    void anOccurredAtInTheFutureTooOldOrBeforeTheSessionIsRejectedAndTheRestApplies() {
        Pairs.Pair pair = Pairs.aPartnership();
        clock.advance(Duration.ofDays(4));
        SignedIn newPhone = Accounts.login(pair.inviter(), "a phone bought today");
        Instant now = clock.instant();
        List<Instant> refused = List.of(
                now.plus(Duration.ofMinutes(1)), now.minus(Duration.ofHours(73)), now.minus(Duration.ofMinutes(10)));
        List<Map<String, Object>> batch = new java.util.ArrayList<>();
        for (Instant at : refused) {
            batch.add(appreciation(pair, at));
        }
        batch.add(appreciation(pair, now));

        // The new phone's session began just now: ten minutes ago is before it, although within 72 hours.
        JsonPath answer = SyncFeed.push(newPhone, batch);

        for (int i = 0; i < refused.size(); i++) {
            assertEquals("rejected", answer.getString("results[" + i + "].status"));
            assertEquals(PROBLEMS + "occurred-at-out-of-range", answer.getString("results[" + i + "].problem.type"));
            assertEquals("occurredAt", answer.getString("results[" + i + "].problem.errors[0].field"));
        }
        assertEquals("applied", answer.getString("results[3].status"));
        Api.as(pair.invitee())
                .when()
                .get("/v1/partnerships/{p}/moments", pair.partnershipId())
                .then()
                .body("items.size()", org.hamcrest.Matchers.equalTo(1));
    }

    @Test
    void thePartnerAcceptsARevisionFromAnOfflineDevice() {
        Pairs.Pair pair = Pairs.aPartnership();
        SignedIn mara = pair.inviter();
        Instant due = clock.instant().plus(Duration.ofMinutes(30)).truncatedTo(ChronoUnit.SECONDS);
        String commitment = Commitments.oneOff(pair, mara, due, Map.of("title", "Water the plants"))
                .getString("id");
        String occurrencePath = Commitments.occurrencePath(pair, commitment, due);
        clock.advance(Duration.ofHours(1));
        Commitments.recordOutcome(mara, occurrencePath, "missed");
        Commitments.recordOutcome(mara, occurrencePath, "kept");
        JsonPath pending = firstOccurrence(pair, pair.invitee(), commitment);
        assertEquals("missed", pending.getString("status"));
        assertEquals("kept", pending.getString("pendingRevision.outcome"));

        JsonPath answer = SyncFeed.push(
                pair.invitee(),
                List.of(mutation(
                        "occurrence",
                        UUID.fromString(pending.getString("id")),
                        pending.getLong("version"),
                        "revision",
                        Map.of("decision", "accept", "note", "I saw them watered"))));

        assertEquals("applied", answer.getString("results[0].status"), answer.prettify());
        assertEquals("kept", answer.getString("results[0].record.status"));
        assertEquals("kept", firstOccurrence(pair, mara, commitment).getString("status"));
        JsonPath own = SyncFeed.push(
                mara,
                List.of(mutation(
                        "occurrence",
                        UUID.fromString(pending.getString("id")),
                        null,
                        "revision",
                        Map.of("decision", "accept"))));
        assertEquals(PROBLEMS + "own-outcome", own.getString("results[0].problem.type"));
    }

    private static Map<String, Object> runningLate(Pairs.Pair pair, String commitment, Instant due, Instant writtenAt) {
        Map<String, Object> mutation = mutation(
                "moment",
                UUID.randomUUID(),
                null,
                "create",
                Map.of(
                        "partnershipId",
                        pair.partnershipId().toString(),
                        "kind",
                        "running_late",
                        "message",
                        "In the tunnel, 20 minutes late",
                        "arrivalAt",
                        due.plus(Duration.ofMinutes(20)).toString(),
                        "occurrence",
                        Map.of(
                                "commitmentId",
                                commitment,
                                "dueDate",
                                due.atZone(ZoneOffset.UTC).toLocalDate().toString())));
        Map<String, Object> timed = new HashMap<>(mutation);
        timed.put("occurredAt", writtenAt.toString());
        return timed;
    }

    private static Map<String, Object> appreciation(Pairs.Pair pair, Instant at) {
        Map<String, Object> mutation = new HashMap<>(mutation(
                "moment",
                UUID.randomUUID(),
                null,
                "create",
                Map.of("partnershipId", pair.partnershipId().toString(), "kind", "appreciation", "message", "Thanks")));
        mutation.put("occurredAt", at.toString());
        return mutation;
    }

    private static JsonPath firstOccurrence(Pairs.Pair pair, SignedIn member, String commitment) {
        return new JsonPath(Api.as(member)
                        .when()
                        .get(Commitments.path(pair, commitment) + "/occurrences")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString())
                .setRootPath("items[0]");
    }
}
