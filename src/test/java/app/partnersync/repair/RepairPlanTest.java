package app.partnersync.repair;

import static app.partnersync.support.Problems.PROBLEMS;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.partnersync.support.Accounts;
import app.partnersync.support.Api;
import app.partnersync.support.CheckIns;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Repair plans: steps with owners and done-state, weekly reviews, status, and the professional-support flag. */
@QuarkusTest
@ExtendWith(ResetTestClockAfterEach.class)
class RepairPlanTest {

    @Inject
    TestClock clock;

    @Inject
    RepairSweeps sweeps;

    @Test
    void stepsAreTickedByWhoeverDidThemAndAFinishedPlanNoLongerChanges() {
        Pairs.Pair pair = Pairs.aPartnership();
        JsonPath plan = create(
                pair.inviter(),
                pair,
                Map.of(
                        "title",
                        "Rebuild trust after the missed birthday",
                        "why",
                        "I forgot your birthday dinner and did not call.",
                        "steps",
                        List.of(
                                Map.of(
                                        "text",
                                        "Plan the make-up dinner",
                                        "ownerId",
                                        pair.inviter().accountId()),
                                Map.of("text", "Say what I need on Sundays"))));
        String id = plan.getString("id");
        String first = plan.getString("steps[0].id");
        String second = plan.getString("steps[1].id");
        assertEquals("active", plan.getString("status"));
        assertFalse(plan.getBoolean("suggestProfessionalSupport"));
        assertEquals(pair.inviter().accountId().toString(), plan.getString("steps[0].ownerId"));
        org.junit.jupiter.api.Assertions.assertNull(
                plan.get("steps[1].ownerId"), "a step of both members has no owner");

        JsonPath ticked = patch(
                        pair.invitee(),
                        pair,
                        id,
                        Map.of(
                                "steps",
                                List.of(
                                        Map.of(
                                                "id",
                                                first,
                                                "text",
                                                "Plan the make-up dinner",
                                                "ownerId",
                                                pair.inviter().accountId()),
                                        Map.of("id", second, "text", "Say what I need on Sundays", "done", true))))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertTrue(ticked.getBoolean("steps[1].done"));
        assertEquals(pair.invitee().accountId().toString(), ticked.getString("steps[1].doneBy"));
        String doneAt = ticked.getString("steps[1].doneAt");

        clock.advance(Duration.ofHours(1));
        JsonPath renamed = patch(
                        pair.inviter(),
                        pair,
                        id,
                        Map.of(
                                "steps",
                                List.of(Map.of("id", second, "text", "Say what I need, every Sunday", "done", true))))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(1, renamed.getList("steps").size(), "the list was replaced");
        assertEquals(doneAt, renamed.getString("steps[0].doneAt"), "a step kept by its id keeps when it was done");
        assertEquals(pair.invitee().accountId().toString(), renamed.getString("steps[0].doneBy"));

        patch(pair.inviter(), pair, id, Map.of("steps", List.of(Map.of("text", "x", "ownerId", UUID.randomUUID()))))
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("steps[0].ownerId"));

        patch(pair.invitee(), pair, id, Map.of("status", "completed"))
                .then()
                .statusCode(200)
                .body("status", equalTo("completed"))
                .body("endedAt", notNullValue());
        patch(pair.inviter(), pair, id, Map.of("title", "Again"))
                .then()
                .statusCode(409)
                .body("type", equalTo(PROBLEMS + "repair-plan-finished"));
        Api.as(pair.invitee())
                .queryParam("status", "completed")
                .when()
                .get("/v1/partnerships/{p}/repair-plans", pair.partnershipId())
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].id", equalTo(id));
    }

    @Test
    void aReviewBringsWeeklyRepairCheckInsLinkedToThePlanUntilItEnds() {
        Pairs.Pair pair = Pairs.aPartnership();
        clock.setTo(Instant.parse("2027-02-01T09:00:00Z"));
        String plan = create(
                        pair.inviter(),
                        pair,
                        Map.of(
                                "title",
                                "After the argument",
                                "review",
                                Map.of("dayOfWeek", "WEDNESDAY", "time", "20:00", "timeZone", "Europe/Berlin")))
                .getString("id");
        JsonPath upcoming = CheckIns.upcoming(pair.invitee(), pair.partnershipId());
        assertEquals("repair", upcoming.getString("items[0].kind"));
        assertEquals("2027-02-03T19:00:00Z", upcoming.getString("items[0].startsAt"));
        assertEquals("2027-02-03T19:30:00Z", upcoming.getString("items[0].endsAt"));
        assertEquals(plan, upcoming.getString("items[0].repairPlanId"));

        Api.as(pair.invitee())
                .body(Map.of("kind", "weekly", "repairPlanId", plan))
                .when()
                .post("/v1/partnerships/{p}/check-ins", pair.partnershipId())
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("repairPlanId"));
        Pairs.Pair strangers = Pairs.aPartnership();
        Api.as(strangers.inviter())
                .body(Map.of("kind", "repair", "repairPlanId", plan))
                .when()
                .post("/v1/partnerships/{p}/check-ins", strangers.partnershipId())
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("repairPlanId"));
        Api.as(pair.invitee())
                .body(Map.of("kind", "repair", "scheduledFor", "2027-02-03T19:00:00Z"))
                .when()
                .post("/v1/partnerships/{p}/check-ins", pair.partnershipId())
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("repairPlanId"));
        String checkIn = Api.as(pair.invitee())
                .body(Map.of("kind", "repair", "scheduledFor", "2027-02-03T19:00:00Z", "repairPlanId", plan))
                .when()
                .post("/v1/partnerships/{p}/check-ins", pair.partnershipId())
                .then()
                .statusCode(201)
                .body("repairPlanId", equalTo(plan))
                .extract()
                .path("id");
        Api.as(pair.inviter())
                .queryParam("limit", 1)
                .when()
                .get("/v1/partnerships/{p}/cadence/upcoming", pair.partnershipId())
                .then()
                .body("items[0].checkInId", equalTo(checkIn));

        patch(pair.inviter(), pair, plan, Map.of("status", "abandoned"))
                .then()
                .statusCode(200)
                .body("review", nullValue());
        Api.as(pair.inviter())
                .when()
                .get("/v1/partnerships/{p}/cadence/upcoming", pair.partnershipId())
                .then()
                .body("items", hasSize(0));
    }

    @Test
    void aLongPlanWithoutRisingSharedSafetySuggestsProfessionalSupportCountingSharedScoresOnly() {
        Instant start = Instant.now();
        Pairs.Pair flat = Pairs.aPartnership();
        Pairs.Pair rising = Pairs.aPartnership();
        String flatPlan = create(flat.inviter(), flat, Map.of("title", "Repair after the lie"))
                .getString("id");
        String risingPlan = create(rising.inviter(), rising, Map.of("title", "Repair after the trip"))
                .getString("id");

        // In the plans' first 28 days: shared safety 2 from everyone.
        at(start.plus(Duration.ofDays(1)));
        review(flat, flatPlan, safety(2, "shared"), safety(2, "shared"));
        review(rising, risingPlan, safety(2, "shared"), safety(2, "shared"));

        // In the last 28 days before day 91. The flat plan's 5 is private: if it counted, safety would have risen.
        at(start.plus(Duration.ofDays(80)));
        review(flat, flatPlan, safety(2, "shared"), safety(5, "private"));
        review(rising, risingPlan, safety(4, "shared"), safety(3, "shared"));

        sweeps.reviewSupport();
        Api.as(flat.invitee())
                .when()
                .get("/v1/partnerships/{p}/repair-plans/{r}", flat.partnershipId(), flatPlan)
                .then()
                .body("suggestProfessionalSupport", equalTo(false));

        at(start.plus(Duration.ofDays(91)).plusSeconds(60));
        sweeps.reviewSupport();
        JsonPath suggested = Api.as(flat.invitee())
                .when()
                .get("/v1/partnerships/{p}/repair-plans/{r}", flat.partnershipId(), flatPlan)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertTrue(suggested.getBoolean("suggestProfessionalSupport"));
        assertEquals(2.0, suggested.getDouble("professionalSupport.safetyAtStart"), 1e-9);
        assertEquals(2.0, suggested.getDouble("professionalSupport.safetyRecent"), 1e-9);
        assertEquals(91, suggested.getInt("professionalSupport.activeDays"));
        assertEquals(
                "Active for 91 days; the shared emotional-safety scores of its check-ins went from 2.00 to 2.00.",
                suggested.getString("professionalSupport.reason"));
        long version = suggested.getLong("version");
        Api.as(rising.inviter())
                .when()
                .get("/v1/partnerships/{p}/repair-plans/{r}", rising.partnershipId(), risingPlan)
                .then()
                .body("suggestProfessionalSupport", equalTo(false))
                .body("professionalSupport", nullValue());

        // Re-evaluating changes nothing that did not change; completing the plan takes the suggestion away.
        sweeps.reviewSupport();
        Api.as(flat.inviter())
                .when()
                .get("/v1/partnerships/{p}/repair-plans/{r}", flat.partnershipId(), flatPlan)
                .then()
                .body("version", equalTo((int) version));
        patch(flat.inviter(), flat, flatPlan, Map.of("status", "completed"))
                .then()
                .statusCode(200)
                .body("suggestProfessionalSupport", equalTo(false))
                .body("professionalSupport", nullValue());
    }

    @Test
    void plansReachThePartnerThroughSyncAndBothExportsAndStayOutOfOtherPartnerships() {
        Pairs.Pair pair = Pairs.aPartnership();
        String plan = create(pair.inviter(), pair, Map.of("title", "Keep the phone away at dinner"))
                .getString("id");
        List<Map<String, Object>> changes =
                SyncFeed.firstPage(pair.invitee(), 100).getList("changes");
        assertTrue(
                changes.stream().anyMatch(c -> "repair_plan".equals(c.get("type")) && plan.equals(c.get("id"))),
                "the plan is in the partner's feed: " + changes);
        Api.as(pair.invitee())
                .when()
                .get("/v1/me/export")
                .then()
                .statusCode(200)
                .body("repairPlans.id", hasItem(plan));
        SignedIn stranger = Accounts.signedIn();
        Api.as(stranger)
                .when()
                .get("/v1/partnerships/{p}/repair-plans/{r}", pair.partnershipId(), plan)
                .then()
                .statusCode(404);
        Api.as(stranger).when().get("/v1/me/export").then().statusCode(200).body("repairPlans.id", not(hasItem(plan)));
    }

    /** A repair check-in of the plan in which both members submit the given safety scores. */
    private static void review(Pairs.Pair pair, String plan, Map<String, Object> inviter, Map<String, Object> invitee) {
        String checkIn =
                CheckIns.start(pair.inviter(), pair.partnershipId(), Map.of("kind", "repair", "repairPlanId", plan));
        for (Map.Entry<SignedIn, Map<String, Object>> entry :
                Map.of(pair.inviter(), inviter, pair.invitee(), invitee).entrySet()) {
            CheckIns.writeEntry(
                    entry.getKey(),
                    pair.partnershipId(),
                    checkIn,
                    Map.of("safety", entry.getValue(), "submitted", true));
        }
    }

    private static Map<String, Object> safety(int value, String visibility) {
        return CheckIns.score(value, visibility);
    }

    private void at(Instant instant) {
        clock.setTo(instant);
    }

    private static JsonPath create(SignedIn who, Pairs.Pair pair, Map<String, Object> body) {
        return Api.as(who)
                .body(body)
                .when()
                .post("/v1/partnerships/{p}/repair-plans", pair.partnershipId())
                .then()
                .statusCode(201)
                .header("Location", notNullValue())
                .extract()
                .jsonPath();
    }

    private static io.restassured.response.Response patch(
            SignedIn who, Pairs.Pair pair, String plan, Map<String, Object> body) {
        return Api.as(who).body(body).when().patch("/v1/partnerships/{p}/repair-plans/{r}", pair.partnershipId(), plan);
    }
}
