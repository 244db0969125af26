package app.partnersync.commitment;

import static app.partnersync.support.Problems.PROBLEMS;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import app.partnersync.support.Api;
import app.partnersync.support.Commitments;
import app.partnersync.support.Pairs;
import app.partnersync.support.ResetTestClockAfterEach;
import app.partnersync.support.SseClient;
import app.partnersync.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Outcomes, the partner's verdict, owning a miss, and what happens by itself: misses and reminders. */
@QuarkusTest
@ExtendWith(ResetTestClockAfterEach.class)
class OccurrenceTest {

    @Inject
    TestClock clock;

    @Inject
    CommitmentSweeps sweeps;

    @Test
    void thePromiserRecordsAndThePartnerConfirmsOrDisputes() {
        Pairs.Pair pair = Pairs.aPartnership();
        Instant due = Instant.now().plus(Duration.ofHours(1));
        String outcome = Commitments.occurrencePath(
                pair, Commitments.oneOff(pair, pair.inviter(), due, Map.of()).getString("id"), due);

        Api.as(pair.invitee())
                .body(Map.of("outcome", "kept"))
                .when()
                .post(outcome + "/outcome")
                .then()
                .statusCode(403)
                .body("type", equalTo(PROBLEMS + "not-promiser"));
        Api.as(pair.inviter())
                .body(Map.of("outcome", "kept", "note", "Done early"))
                .when()
                .post(outcome + "/outcome")
                .then()
                .statusCode(200)
                .body("status", equalTo("kept"))
                .body("note", equalTo("Done early"));

        Api.as(pair.inviter())
                .body(Map.of("verdict", "confirmed"))
                .when()
                .post(outcome + "/confirmation")
                .then()
                .statusCode(403)
                .body("type", equalTo(PROBLEMS + "own-outcome"));
        Api.as(pair.invitee())
                .body(Map.of("verdict", "disputed", "note", "Bins are still full"))
                .when()
                .post(outcome + "/confirmation")
                .then()
                .statusCode(200)
                .body("confirmation.verdict", equalTo("disputed"));

        // After a dispute the promiser may record again; the partner's confirmation is then final.
        Api.as(pair.inviter())
                .body(Map.of("outcome", "kept", "note", "Now they are out"))
                .when()
                .post(outcome + "/outcome")
                .then()
                .statusCode(200)
                .body("confirmation", equalTo(null));
        Api.as(pair.invitee())
                .body(Map.of("verdict", "confirmed"))
                .when()
                .post(outcome + "/confirmation")
                .then()
                .statusCode(200)
                .body("confirmation.verdict", equalTo("confirmed"));
        Api.as(pair.inviter())
                .body(Map.of("outcome", "missed"))
                .when()
                .post(outcome + "/outcome")
                .then()
                .statusCode(409)
                .body("type", equalTo(PROBLEMS + "outcome-conflict"));
    }

    @Test
    void renegotiatingIsForBeforeTheDueTime() {
        Pairs.Pair pair = Pairs.aPartnership();
        Instant due = Instant.now().plus(Duration.ofHours(1));
        String commitment =
                Commitments.oneOff(pair, pair.inviter(), due, Map.of()).getString("id");
        String outcome = Commitments.occurrencePath(pair, commitment, due);

        Api.invalidAs(pair.inviter())
                .body(Map.of("outcome", "renegotiated"))
                .when()
                .post(outcome + "/outcome")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        Api.as(pair.inviter())
                .body(Map.of(
                        "outcome",
                        "renegotiated",
                        "reason",
                        "Running 30 minutes late",
                        "movedTo",
                        due.plus(Duration.ofMinutes(30))
                                .truncatedTo(ChronoUnit.SECONDS)
                                .toString()))
                .when()
                .post(outcome + "/outcome")
                .then()
                .statusCode(200)
                .body("status", equalTo("renegotiated"))
                .body("reason", equalTo("Running 30 minutes late"));

        Instant laterDue = Instant.now().plus(Duration.ofHours(2));
        String late = Commitments.occurrencePath(
                pair,
                Commitments.oneOff(pair, pair.inviter(), laterDue, Map.of()).getString("id"),
                laterDue);
        clock.advance(Duration.ofHours(3));
        Api.as(pair.inviter())
                .body(Map.of("outcome", "renegotiated", "reason", "Forgot"))
                .when()
                .post(late + "/outcome")
                .then()
                .statusCode(409)
                .body("type", equalTo(PROBLEMS + "outcome-conflict"));
    }

    @Test
    void onlyAMissCanBeOwned() {
        Pairs.Pair pair = Pairs.aPartnership();
        Instant due = Instant.now().plus(Duration.ofMinutes(10));
        String outcome = Commitments.occurrencePath(
                pair, Commitments.oneOff(pair, pair.invitee(), due, Map.of()).getString("id"), due);
        Map<String, Object> sorry = Map.of("whatHappened", "I forgot the time", "prevention", "A second alarm");

        Api.as(pair.invitee())
                .body(sorry)
                .when()
                .post(outcome + "/acknowledgement")
                .then()
                .statusCode(409)
                .body("type", equalTo(PROBLEMS + "outcome-conflict"));
        Api.as(pair.invitee())
                .body(Map.of("outcome", "missed"))
                .when()
                .post(outcome + "/outcome")
                .then()
                .statusCode(200);
        Api.as(pair.inviter())
                .body(sorry)
                .when()
                .post(outcome + "/acknowledgement")
                .then()
                .statusCode(403)
                .body("type", equalTo(PROBLEMS + "not-promiser"));
        Api.as(pair.invitee())
                .body(sorry)
                .when()
                .post(outcome + "/acknowledgement")
                .then()
                .statusCode(200)
                .body("acknowledgement.prevention", equalTo("A second alarm"));
    }

    @Test
    void overdueOccurrencesBecomeMissedOnceEvenWithTwoWorkers() throws Exception {
        Pairs.Pair pair = Pairs.aPartnership();
        Instant due = Instant.now().plus(Duration.ofMinutes(5));
        String first = Commitments.oneOff(
                        pair,
                        pair.inviter(),
                        due,
                        Map.of(
                                "promisedBy",
                                List.of(
                                        pair.inviter().accountId(),
                                        pair.invitee().accountId())))
                .getString("id");
        String second = Commitments.oneOff(pair, pair.invitee(), due, Map.of()).getString("id");
        Api.as(pair.invitee())
                .body(Map.of("outcome", "kept"))
                .when()
                .post(Commitments.occurrencePath(pair, second, due) + "/outcome")
                .then()
                .statusCode(200);

        clock.advance(Duration.ofMinutes(5 + 119));
        assertEquals(0, sweeps.sweepMissed(), "not yet: two hours of grace");
        clock.advance(Duration.ofMinutes(2));

        ExecutorService pool = Executors.newFixedThreadPool(2);
        int marked = 0;
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> workers = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                workers.add(pool.submit(() -> {
                    start.await();
                    return sweeps.sweepMissed();
                }));
            }
            start.countDown();
            for (Future<Integer> worker : workers) {
                marked += worker.get();
            }
        } finally {
            pool.shutdownNow();
        }

        // Other tests' open occurrences may be swept too; these two (both promisers of the first) are marked once.
        JsonPath occurrences = Api.as(pair.inviter())
                .when()
                .get(Commitments.path(pair, first) + "/occurrences")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(List.of("missed", "missed"), occurrences.getList("items.status"));
        assertEquals(List.of(1, 1), occurrences.getList("items.version"), "marked exactly once each");
        assertEquals(true, marked >= 2, "the two workers marked them between them: " + marked);
        assertEquals(0, sweeps.sweepMissed(), "a later run finds nothing left");
        Api.as(pair.invitee())
                .when()
                .get(Commitments.path(pair, second) + "/occurrences")
                .then()
                .body("items[0].status", equalTo("kept"));
    }

    @Test
    void aReminderIsSentExactlyOnce() throws Exception {
        Pairs.Pair pair = Pairs.aPartnership();
        Instant due = Instant.now().plus(Duration.ofMinutes(90));
        String id = Commitments.oneOff(
                        pair, pair.invitee(), due, Map.of("reminderMinutesBefore", 60, "title", "Call the plumber"))
                .getString("id");
        try (SseClient stream = SseClient.connect(pair.invitee())) {
            assertNotNull(stream.await("comment", Duration.ofSeconds(2)));
            assertEquals(0, sweeps.sweepReminders(), "not yet: the reminder is due an hour before");

            clock.advance(Duration.ofMinutes(31));
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Future<Integer> one = pool.submit(sweeps::sweepReminders);
                Future<Integer> two = pool.submit(sweeps::sweepReminders);
                one.get();
                two.get();
            } finally {
                pool.shutdownNow();
            }

            SseClient.Event reminder = stream.await("commitment.reminder", Duration.ofSeconds(2));
            assertNotNull(reminder, "the reminder arrives on the live stream");
            assertEquals(id, JsonPath.from(reminder.data()).getString("commitmentId"));
            assertEquals("Call the plumber", JsonPath.from(reminder.data()).getString("title"));
            assertNull(stream.await("commitment.reminder", Duration.ofSeconds(1)), "and only once");
            assertEquals(0, sweeps.sweepReminders());
        }
    }
}
