package app.partnersync.commitment;

import static app.partnersync.support.Problems.PROBLEMS;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;

import app.partnersync.support.Accounts;
import app.partnersync.support.Api;
import app.partnersync.support.Commitments;
import app.partnersync.support.Pairs;
import app.partnersync.support.ResetTestClockAfterEach;
import app.partnersync.support.SignedIn;
import app.partnersync.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@QuarkusTest
@ExtendWith(ResetTestClockAfterEach.class)
class CommitmentResourceTest {

    @Inject
    TestClock clock;

    @Test
    void aOneOffPromiseIsCreatedReadListedAndFiltered() {
        Pairs.Pair pair = Pairs.aPartnership();
        Instant due = Instant.now().plus(Duration.ofHours(5)).truncatedTo(ChronoUnit.SECONDS);
        String id = Api.as(pair.inviter())
                .body(Map.of(
                        "title",
                        "Take out the bins",
                        "promisedBy",
                        List.of(pair.invitee().accountId()),
                        "dueAt",
                        due.toString(),
                        "category",
                        "chore",
                        "reminderMinutesBefore",
                        30))
                .when()
                .post("/v1/partnerships/{p}/commitments", pair.partnershipId())
                .then()
                .statusCode(201)
                .header("Location", matchesPattern(".*/commitments/[0-9a-f-]{36}"))
                .header("ETag", "\"v0\"")
                .body("category", equalTo("chore"))
                .body("status", equalTo("active"))
                .body("dueAt", equalTo(due.toString()))
                .extract()
                .path("id");

        Api.as(pair.invitee())
                .when()
                .get(Commitments.path(pair, id))
                .then()
                .statusCode(200)
                .body("title", equalTo("Take out the bins"));
        Api.as(pair.invitee())
                .queryParam("category", "chore")
                .queryParam("promiser", pair.invitee().accountId().toString())
                .when()
                .get("/v1/partnerships/{p}/commitments", pair.partnershipId())
                .then()
                .statusCode(200)
                .body("items.id", equalTo(List.of(id)));
        Api.as(pair.invitee())
                .queryParam("category", "goal")
                .when()
                .get("/v1/partnerships/{p}/commitments", pair.partnershipId())
                .then()
                .body("items", hasSize(0));
        Api.as(pair.invitee())
                .queryParam("dueFrom", due.minusSeconds(60).toString())
                .queryParam("dueTo", due.plusSeconds(60).toString())
                .when()
                .get("/v1/partnerships/{p}/commitments", pair.partnershipId())
                .then()
                .body("items.id", equalTo(List.of(id)));
        Api.as(pair.invitee())
                .queryParam("dueFrom", due.plusSeconds(60).toString())
                .when()
                .get("/v1/partnerships/{p}/commitments", pair.partnershipId())
                .then()
                .body("items", hasSize(0));
    }

    @Test
    void everySundayAtSevenStaysAtSevenAcrossDaylightSaving() {
        SignedIn berliner = Accounts.anAccount().withTimeZone("Europe/Berlin").register();
        SignedIn partner = Accounts.signedIn();
        UUID partnership = Pairs.pair(berliner, partner, "partner");
        Pairs.Pair pair = new Pairs.Pair(partnership, berliner, partner);
        // A week before Europe/Berlin springs forward on 2027-03-28.
        clock.advance(Duration.between(Instant.now(), Instant.parse("2027-03-20T12:00:00Z")));

        String id = Commitments.create(
                        pair,
                        Map.of(
                                "title",
                                "Weekly check-in",
                                "promisedBy",
                                List.of(berliner.accountId()),
                                "category",
                                "check_in",
                                "recurrence",
                                Map.of(
                                        "frequency",
                                        "weekly",
                                        "daysOfWeek",
                                        List.of("SUNDAY"),
                                        "time",
                                        "19:00",
                                        "startsOn",
                                        "2027-03-01")))
                .getString("id");
        JsonPath occurrences = Api.as(partner)
                .queryParam("from", "2027-03-20T00:00:00Z")
                .queryParam("to", "2027-04-02T00:00:00Z")
                .when()
                .get(Commitments.path(pair, id) + "/occurrences")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        assertEquals(List.of("2027-03-21T18:00:00Z", "2027-03-28T17:00:00Z"), occurrences.getList("items.dueAt"));
        assertEquals(List.of("2027-03-21", "2027-03-28"), occurrences.getList("items.dueDate"));
        for (String dueAt : occurrences.<String>getList("items.dueAt")) {
            assertEquals(
                    LocalTime.of(19, 0),
                    ZonedDateTime.ofInstant(Instant.parse(dueAt), ZoneId.of("Europe/Berlin"))
                            .toLocalTime());
        }
        Api.as(partner)
                .when()
                .get(Commitments.path(pair, id))
                .then()
                .body("recurrence.timeZone", equalTo("Europe/Berlin"));
    }

    /** Found by the schema fuzzer: [a, a] (the contract says uniqueItems) was quietly read as [a] and created. */
    @Test
    void aPromiserNamedTwiceIsRefused() {
        Pairs.Pair pair = Pairs.aPartnership();
        UUID member = pair.inviter().accountId();
        Api.invalidAs(pair.inviter())
                .body(Map.of("title", "x", "promisedBy", List.of(member, member), "dueAt", "2030-01-01T10:00:00Z"))
                .when()
                .post("/v1/partnerships/{p}/commitments", pair.partnershipId())
                .then()
                .statusCode(400)
                .body("type", equalTo(PROBLEMS + "validation-failed"))
                .body("errors.field", hasItem("promisedBy"));
        Api.as(pair.inviter())
                .when()
                .get("/v1/partnerships/{p}/commitments", pair.partnershipId())
                .then()
                .statusCode(200)
                .body("items", hasSize(0));
    }

    @Test
    void invalidSchedulesAndPromisersAreNamed() {
        Pairs.Pair pair = Pairs.aPartnership();
        Map<String, Object> both = Map.of(
                "title",
                "x",
                "promisedBy",
                List.of(pair.inviter().accountId()),
                "dueAt",
                "2030-01-01T10:00:00Z",
                "recurrence",
                Map.of("frequency", "daily", "time", "08:00", "startsOn", "2030-01-01"));
        Api.invalidAs(pair.inviter())
                .body(both)
                .when()
                .post("/v1/partnerships/{p}/commitments", pair.partnershipId())
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("dueAt"));

        Map<String, Object> weeklyWithoutDays = Map.of(
                "title",
                "x",
                "promisedBy",
                List.of(pair.inviter().accountId()),
                "recurrence",
                Map.of("frequency", "weekly", "time", "08:00", "startsOn", "2030-01-01"));
        Api.invalidAs(pair.inviter())
                .body(weeklyWithoutDays)
                .when()
                .post("/v1/partnerships/{p}/commitments", pair.partnershipId())
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("recurrence.daysOfWeek"));

        Map<String, Object> stranger =
                Map.of("title", "x", "promisedBy", List.of(UUID.randomUUID()), "dueAt", "2030-01-01T10:00:00Z");
        Api.invalidAs(pair.inviter())
                .body(stranger)
                .when()
                .post("/v1/partnerships/{p}/commitments", pair.partnershipId())
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("promisedBy"));
    }

    @Test
    void editsCheckTheVersionAndDeletionRemovesIt() {
        Pairs.Pair pair = Pairs.aPartnership();
        String id = Commitments.oneOff(pair, pair.inviter(), Instant.now().plus(Duration.ofDays(2)), Map.of())
                .getString("id");

        Api.as(pair.invitee())
                .header("If-Match", "\"v0\"")
                .body(Map.of("title", "Renamed"))
                .when()
                .patch(Commitments.path(pair, id))
                .then()
                .statusCode(200)
                .header("ETag", "\"v1\"");
        Api.as(pair.inviter())
                .header("If-Match", "\"v0\"")
                .body(Map.of("title", "Stale"))
                .when()
                .patch(Commitments.path(pair, id))
                .then()
                .statusCode(412)
                .body("current.title", equalTo("Renamed"));
        Api.as(pair.inviter())
                .header("If-None-Match", "\"v1\"")
                .when()
                .get(Commitments.path(pair, id))
                .then()
                .statusCode(304);

        Api.as(pair.inviter())
                .body(Map.of("status", "archived"))
                .when()
                .patch(Commitments.path(pair, id))
                .then()
                .statusCode(200);
        Api.as(pair.inviter())
                .queryParam("status", "archived")
                .when()
                .get("/v1/partnerships/{p}/commitments", pair.partnershipId())
                .then()
                .body("items.id", equalTo(List.of(id)));

        Api.as(pair.inviter()).when().delete(Commitments.path(pair, id)).then().statusCode(204);
        Api.as(pair.inviter()).when().get(Commitments.path(pair, id)).then().statusCode(404);
    }

    @Test
    void clientChosenIdsWorkOnceAndEndedPartnershipsAreReadOnly() {
        Pairs.Pair pair = Pairs.aPartnership();
        UUID chosen = UUID.randomUUID();
        Map<String, Object> body = Map.of(
                "id",
                chosen.toString(),
                "title",
                "Offline promise",
                "promisedBy",
                List.of(pair.inviter().accountId()),
                "dueAt",
                "2030-01-01T10:00:00Z");

        Api.as(pair.inviter())
                .body(body)
                .when()
                .post("/v1/partnerships/{p}/commitments", pair.partnershipId())
                .then()
                .statusCode(201)
                .body("id", equalTo(chosen.toString()));
        Api.as(pair.inviter())
                .body(body)
                .when()
                .post("/v1/partnerships/{p}/commitments", pair.partnershipId())
                .then()
                .statusCode(409)
                .body("type", equalTo(PROBLEMS + "id-taken"));

        Api.as(pair.invitee())
                .when()
                .post("/v1/partnerships/{p}/end", pair.partnershipId())
                .then()
                .statusCode(200);
        Map<String, Object> later = Map.of(
                "title",
                "Too late",
                "promisedBy",
                List.of(pair.inviter().accountId()),
                "dueAt",
                "2030-01-01T10:00:00Z");
        Api.as(pair.inviter())
                .body(later)
                .when()
                .post("/v1/partnerships/{p}/commitments", pair.partnershipId())
                .then()
                .statusCode(409)
                .body("type", equalTo(PROBLEMS + "partnership-ended"));
        Api.as(pair.inviter())
                .when()
                .get(Commitments.path(pair, chosen.toString()))
                .then()
                .statusCode(200);
    }

    @Test
    void theExportCarriesCommitmentsAndOutcomes() {
        Pairs.Pair pair = Pairs.aPartnership();
        String id = Commitments.oneOff(pair, pair.inviter(), Instant.now().plus(Duration.ofMinutes(30)), Map.of())
                .getString("id");
        clock.advance(Duration.ofHours(1));
        Api.as(pair.inviter())
                .body(Map.of("outcome", "kept"))
                .when()
                .post(
                        Commitments.path(pair, id) + "/occurrences/{d}/outcome",
                        LocalDate.ofInstant(clock.instant().minus(Duration.ofMinutes(30)), ZoneId.of("UTC"))
                                .toString())
                .then()
                .statusCode(200);

        Api.as(pair.invitee())
                .when()
                .get("/v1/me/export")
                .then()
                .statusCode(200)
                .body("commitments.id", hasItem(id))
                .body("occurrences.status", hasItem("kept"));
    }
}
