package app.partnersync.common;

import static app.partnersync.support.Problems.PROBLEMS;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import app.partnersync.support.Accounts;
import app.partnersync.support.Api;
import app.partnersync.support.Commitments;
import app.partnersync.support.Pairs;
import app.partnersync.support.ResetTestClockAfterEach;
import app.partnersync.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code Occurred-At}: an action taken offline is judged at the time the person took it, within bounds (not later than
 * receipt, not older than 72 hours, not before the session began).
 */
@QuarkusTest
@ExtendWith(ResetTestClockAfterEach.class)
class OccurredAtTest {

    @Inject
    TestClock clock;

    @Test
    void aRunningLateNoticeWrittenBeforeTheDueTimeRenegotiatesEvenWhenItArrivesAfterIt() {
        Pairs.Pair pair = Pairs.aPartnership();
        Instant due = clock.instant().plus(Duration.ofMinutes(30)).truncatedTo(ChronoUnit.SECONDS);
        String commitment = Commitments.oneOff(pair, pair.invitee(), due, Map.of("title", "Pick up the kids"))
                .getString("id");
        String dueDate = due.atZone(ZoneOffset.UTC).toLocalDate().toString();
        Instant writtenInTheTunnel = due.minus(Duration.ofMinutes(5));

        clock.advance(Duration.ofMinutes(50));
        Api.as(pair.invitee())
                .header("Occurred-At", writtenInTheTunnel.toString())
                .body(runningLate(commitment, dueDate, due))
                .when()
                .post("/v1/partnerships/{p}/moments", pair.partnershipId())
                .then()
                .statusCode(201)
                .body("createdAt", equalTo(writtenInTheTunnel.toString()));
        Api.as(pair.inviter())
                .when()
                .get("/v1/partnerships/{p}/commitments/{c}/occurrences", pair.partnershipId(), commitment)
                .then()
                .body("items[0].status", equalTo("renegotiated"));
    }

    @Test
    void aRunningLateNoticeWrittenAfterTheDueTimeIsRefusedWhateverItsArrival() {
        Pairs.Pair pair = Pairs.aPartnership();
        Instant due = clock.instant().plus(Duration.ofMinutes(30)).truncatedTo(ChronoUnit.SECONDS);
        String commitment = Commitments.oneOff(pair, pair.invitee(), due, Map.of("title", "Call back"))
                .getString("id");
        String dueDate = due.atZone(ZoneOffset.UTC).toLocalDate().toString();

        clock.advance(Duration.ofMinutes(50));
        Api.as(pair.invitee())
                .header("Occurred-At", due.plus(Duration.ofMinutes(1)).toString())
                .body(runningLate(commitment, dueDate, due))
                .when()
                .post("/v1/partnerships/{p}/moments", pair.partnershipId())
                .then()
                .statusCode(409)
                .body("type", equalTo(PROBLEMS + "outcome-conflict"));
    }

    @Test
    void aCoolOffStartsWhenThePersonStartedIt() {
        Pairs.Pair pair = Pairs.aPartnership();
        clock.advance(Duration.ofMinutes(20));
        Instant started = clock.instant().minus(Duration.ofMinutes(8)).truncatedTo(ChronoUnit.SECONDS);
        Api.as(pair.inviter())
                .header("Occurred-At", started.toString())
                .body(Map.of("kind", "cool_off", "minutes", 10))
                .when()
                .post("/v1/partnerships/{p}/moments", pair.partnershipId())
                .then()
                .statusCode(201)
                .body("endsAt", equalTo(started.plus(Duration.ofMinutes(10)).toString()));
    }

    @Test
    void aTimeInTheFutureTooOldOrBeforeTheSessionIsRefusedAndNothingIsWritten() {
        Pairs.Pair pair = Pairs.aPartnership();
        clock.advance(Duration.ofDays(4));
        var fresh = Accounts.login(pair.inviter(), "a phone bought today");
        Instant now = clock.instant();
        for (Instant refused : new Instant[] {
            now.plus(Duration.ofMinutes(2)), now.minus(Duration.ofHours(73)), now.minus(Duration.ofMinutes(10))
        }) {
            Api.as(fresh)
                    .header("Occurred-At", refused.toString())
                    .body(Map.of("kind", "appreciation", "message", "Thanks for waiting"))
                    .when()
                    .post("/v1/partnerships/{p}/moments", pair.partnershipId())
                    .then()
                    .statusCode(422)
                    .body("type", equalTo(PROBLEMS + "occurred-at-out-of-range"))
                    .body("errors[0].field", equalTo("Occurred-At"));
        }
        Api.invalidAs(fresh)
                .header("Occurred-At", "yesterday")
                .body(Map.of("kind", "appreciation", "message", "Thanks for waiting"))
                .when()
                .post("/v1/partnerships/{p}/moments", pair.partnershipId())
                .then()
                .statusCode(400)
                .body("type", equalTo(PROBLEMS + "validation-failed"))
                .body("errors[0].field", equalTo("Occurred-At"));
        Api.as(pair.invitee())
                .when()
                .get("/v1/partnerships/{p}/moments", pair.partnershipId())
                .then()
                .body("items", hasSize(0));
    }

    private static Map<String, Object> runningLate(String commitment, String dueDate, Instant due) {
        return Map.of(
                "kind",
                "running_late",
                "message",
                "Stuck in the tunnel",
                "arrivalAt",
                due.plus(Duration.ofMinutes(20)).toString(),
                "occurrence",
                Map.of("commitmentId", commitment, "dueDate", dueDate));
    }
}
