package app.partnersync.moment;

import static app.partnersync.support.Problems.PROBLEMS;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import app.partnersync.commitment.CommitmentSweeps;
import app.partnersync.support.Api;
import app.partnersync.support.Commitments;
import app.partnersync.support.Pairs;
import app.partnersync.support.ResetTestClockAfterEach;
import app.partnersync.support.SseClient;
import app.partnersync.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Appreciation, running late (renegotiating an occurrence), and cool-off pauses that hold reminders back. */
@QuarkusTest
@ExtendWith(ResetTestClockAfterEach.class)
class MomentTest {

    @Inject
    TestClock clock;

    @Inject
    CommitmentSweeps sweeps;

    @Test
    void anAppreciationIsSeenByThePartner() {
        Pairs.Pair pair = Pairs.aPartnership();
        String id = Api.as(pair.inviter())
                .body(Map.of("kind", "appreciation", "message", "Thank you for dinner"))
                .when()
                .post("/v1/partnerships/{p}/moments", pair.partnershipId())
                .then()
                .statusCode(201)
                .header("ETag", "\"v0\"")
                .body("authorId", equalTo(pair.inviter().accountId().toString()))
                .extract()
                .path("id");

        Api.as(pair.invitee())
                .when()
                .get("/v1/partnerships/{p}/moments/{m}", pair.partnershipId(), id)
                .then()
                .statusCode(200)
                .body("message", equalTo("Thank you for dinner"));
        Api.as(pair.invitee())
                .queryParam("kind", "appreciation")
                .when()
                .get("/v1/partnerships/{p}/moments", pair.partnershipId())
                .then()
                .body("items.id", equalTo(List.of(id)));
        Api.as(pair.invitee()).when().get("/v1/sync?limit=100").then().statusCode(200);
        Api.as(pair.invitee()).when().get("/v1/me/export").then().body("moments.id", hasItem(id));
    }

    @Test
    void aLimitAboveTheMaximumServesFullPagesOfTheMaximum() {
        Pairs.Pair pair = Pairs.aPartnership();
        for (int i = 0; i < 101; i++) {
            Api.as(pair.inviter())
                    .body(Map.of("kind", "appreciation", "message", "Thank you #" + i))
                    .when()
                    .post("/v1/partnerships/{id}/moments", pair.partnershipId())
                    .then()
                    .statusCode(201);
        }
        for (String limit : List.of("101", "1000", "2147483647")) {
            String next = Api.as(pair.invitee())
                    .queryParam("limit", limit)
                    .when()
                    .get("/v1/partnerships/{id}/moments", pair.partnershipId())
                    .then()
                    .statusCode(200)
                    .body("items", hasSize(100))
                    .extract()
                    .path("nextCursor");
            Api.as(pair.invitee())
                    .queryParam("limit", limit)
                    .queryParam("cursor", next)
                    .when()
                    .get("/v1/partnerships/{id}/moments", pair.partnershipId())
                    .then()
                    .statusCode(200)
                    .body("items", hasSize(1))
                    .body("nextCursor", org.hamcrest.Matchers.nullValue());
        }
        Api.invalidAs(pair.invitee())
                .queryParam("limit", "2147483648")
                .when()
                .get("/v1/partnerships/{id}/moments", pair.partnershipId())
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("limit"));
    }

    @Test
    void eachKindNamesWhatItIsMissingOrDoesNotTake() {
        Pairs.Pair pair = Pairs.aPartnership();
        for (Map<String, Object> body : List.<Map<String, Object>>of(
                Map.of("kind", "appreciation"),
                Map.of("kind", "running_late", "message", "10 minutes"),
                Map.of("kind", "cool_off", "arrivalAt", "2030-01-01T10:00:00Z"))) {
            Api.invalidAs(pair.inviter())
                    .body(body)
                    .when()
                    .post("/v1/partnerships/{p}/moments", pair.partnershipId())
                    .then()
                    .statusCode(400)
                    .body("type", equalTo(PROBLEMS + "validation-failed"));
        }
        Api.as(pair.inviter())
                .when()
                .get("/v1/partnerships/{p}/moments", pair.partnershipId())
                .then()
                .body("items", hasSize(0));
    }

    @Test
    void runningLateBeforeTheDueTimeRenegotiatesTheOccurrence() {
        Pairs.Pair pair = Pairs.aPartnership();
        Instant due = Instant.now().plus(Duration.ofMinutes(45)).truncatedTo(ChronoUnit.SECONDS);
        String commitment = Commitments.oneOff(pair, pair.invitee(), due, Map.of("title", "Pick up the kids"))
                .getString("id");
        String dueDate = due.atZone(ZoneOffset.UTC).toLocalDate().toString();

        Api.as(pair.invitee())
                .body(Map.of(
                        "kind",
                        "running_late",
                        "message",
                        "Traffic, 15 minutes late",
                        "arrivalAt",
                        due.plus(Duration.ofMinutes(15)).toString(),
                        "occurrence",
                        Map.of("commitmentId", commitment, "dueDate", dueDate)))
                .when()
                .post("/v1/partnerships/{p}/moments", pair.partnershipId())
                .then()
                .statusCode(201)
                .body("occurrence.commitmentId", equalTo(commitment));
        Api.as(pair.inviter())
                .when()
                .get("/v1/partnerships/{p}/commitments/{c}/occurrences", pair.partnershipId(), commitment)
                .then()
                .body("items[0].status", equalTo("renegotiated"))
                .body("items[0].reason", equalTo("Traffic, 15 minutes late"));

        String later = Commitments.oneOff(pair, pair.invitee(), due, Map.of("title", "Call back"))
                .getString("id");
        clock.advance(Duration.ofHours(1));
        Api.as(pair.invitee())
                .body(Map.of(
                        "kind",
                        "running_late",
                        "arrivalAt",
                        due.plus(Duration.ofHours(2)).toString(),
                        "occurrence",
                        Map.of("commitmentId", later, "dueDate", dueDate)))
                .when()
                .post("/v1/partnerships/{p}/moments", pair.partnershipId())
                .then()
                .statusCode(409)
                .body("type", equalTo(PROBLEMS + "outcome-conflict"));
        Api.as(pair.inviter())
                .queryParam("kind", "running_late")
                .when()
                .get("/v1/partnerships/{p}/moments", pair.partnershipId())
                .then()
                .body("items", hasSize(1));
    }

    @Test
    void aCoolOffHoldsRemindersUntilItEnds() throws Exception {
        Pairs.Pair pair = Pairs.aPartnership();
        Instant due = Instant.now().plus(Duration.ofMinutes(50));
        Commitments.oneOff(
                pair, pair.invitee(), due, Map.of("title", "Talk about the weekend", "reminderMinutesBefore", 60));
        Api.as(pair.inviter())
                .body(Map.of("kind", "cool_off"))
                .when()
                .post("/v1/partnerships/{p}/moments", pair.partnershipId())
                .then()
                .statusCode(201)
                .body("endsAt", org.hamcrest.Matchers.notNullValue());

        try (SseClient stream = SseClient.connect(pair.invitee())) {
            assertNotNull(stream.await("comment", Duration.ofSeconds(2)));
            sweeps.sweepReminders();
            assertNull(stream.await("commitment.reminder", Duration.ofSeconds(1)), "held back during the pause");

            clock.advance(Duration.ofMinutes(11));
            sweeps.sweepReminders();
            SseClient.Event reminder = stream.await("commitment.reminder", Duration.ofSeconds(2));
            assertNotNull(reminder, "sent once the pause has ended");
            assertEquals(
                    pair.partnershipId().toString(),
                    io.restassured.path.json.JsonPath.from(reminder.data()).getString("partnershipId"));
        }
    }
}
