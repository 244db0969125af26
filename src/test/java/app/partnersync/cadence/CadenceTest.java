package app.partnersync.cadence;

import static app.partnersync.support.Problems.PROBLEMS;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import app.partnersync.support.Accounts;
import app.partnersync.support.Api;
import app.partnersync.support.CheckIns;
import app.partnersync.support.Pairs;
import app.partnersync.support.ResetTestClockAfterEach;
import app.partnersync.support.SignedIn;
import app.partnersync.support.SseClient;
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
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The cadence: its schedule, the check-ins it brings across daylight saving, and reminders sent exactly once. */
@QuarkusTest
@ExtendWith(ResetTestClockAfterEach.class)
class CadenceTest {

    /** Sunday 19:00 in Berlin, 15 minutes; and the first Saturday of the month at 10:00, 45 minutes. */
    static final Map<String, Object> BERLIN_CADENCE = Map.of(
            "timeZone",
            "Europe/Berlin",
            "reminderMinutesBefore",
            60,
            "schedules",
            List.of(
                    Map.of("kind", "weekly", "dayOfWeek", "SUNDAY", "time", "19:00", "durationMinutes", 15),
                    Map.of(
                            "kind",
                            "monthly",
                            "weekOfMonth",
                            1,
                            "dayOfWeek",
                            "SATURDAY",
                            "time",
                            "10:00",
                            "durationMinutes",
                            45)));

    @Inject
    TestClock clock;

    @Inject
    CheckInReminders reminders;

    @Inject
    javax.sql.DataSource dataSource;

    @Test
    void aPartnershipWithoutACadenceHasAnEmptyOneAndSettingItIsVersioned() {
        Pairs.Pair pair = Pairs.aPartnership();
        Api.as(pair.invitee())
                .when()
                .get("/v1/partnerships/{p}/cadence", pair.partnershipId())
                .then()
                .statusCode(200)
                .header("ETag", "\"v0\"")
                .body("schedules", hasSize(0))
                .body("version", equalTo(0))
                .body("timeZone", nullValue());

        put(pair.inviter(), pair.partnershipId(), BERLIN_CADENCE)
                .header("ETag", "\"v1\"")
                .body("timeZone", equalTo("Europe/Berlin"))
                .body("schedules[1].weekOfMonth", equalTo(1))
                .body("schedules[0].durationMinutes", equalTo(15))
                .body("updatedBy", equalTo(pair.inviter().accountId().toString()))
                .body("effectiveFrom", notNullValue());

        Api.as(pair.invitee())
                .header("If-None-Match", "\"v1\"")
                .when()
                .get("/v1/partnerships/{p}/cadence", pair.partnershipId())
                .then()
                .statusCode(304);
        Api.as(pair.invitee())
                .header("If-Match", "\"v0\"")
                .body(Map.of("timeZone", "Europe/Berlin", "schedules", List.of()))
                .when()
                .put("/v1/partnerships/{p}/cadence", pair.partnershipId())
                .then()
                .statusCode(412)
                .body("current.version", equalTo(1));
        Api.as(pair.invitee())
                .header("If-Match", "\"v1\"")
                .body(Map.of("timeZone", "Europe/Berlin", "schedules", List.of()))
                .when()
                .put("/v1/partnerships/{p}/cadence", pair.partnershipId())
                .then()
                .statusCode(200)
                .body("version", equalTo(2))
                .body("schedules", hasSize(0))
                .body("reminderMinutesBefore", equalTo(60));
    }

    @Test
    void aScheduleThatCannotBeUnderstoodIsRefusedNamingTheField() {
        Pairs.Pair pair = Pairs.aPartnership();
        Map<String, Map<String, Object>> wrong = Map.of(
                "schedules[0].weekOfMonth",
                Map.of(
                        "timeZone",
                        "Europe/Berlin",
                        "schedules",
                        List.of(Map.of("kind", "weekly", "weekOfMonth", 2, "dayOfWeek", "SUNDAY", "time", "19:00"))),
                "schedules[1]",
                Map.of(
                        "timeZone",
                        "Europe/Berlin",
                        "schedules",
                        List.of(
                                Map.of("kind", "weekly", "dayOfWeek", "SUNDAY", "time", "19:00"),
                                Map.of("kind", "weekly", "dayOfWeek", "SUNDAY", "time", "19:00"))),
                "timeZone",
                Map.of("timeZone", "Mars/Olympus", "schedules", List.of()));
        wrong.forEach((field, body) -> Api.invalidAs(pair.inviter())
                .body(body)
                .when()
                .put("/v1/partnerships/{p}/cadence", pair.partnershipId())
                .then()
                .statusCode(400)
                .body("type", equalTo(PROBLEMS + "validation-failed"))
                .body("errors[0].field", equalTo(field)));
    }

    @Test
    void upcomingCheckInsKeepTheirLocalTimeAcrossTheSpringChange() {
        Pairs.Pair pair = Pairs.aPartnership();
        // Four days before Europe/Berlin springs forward on Sunday 2027-03-28.
        clock.setTo(Instant.parse("2027-03-24T12:00:00Z"));
        put(pair.inviter(), pair.partnershipId(), BERLIN_CADENCE);

        JsonPath upcoming = Api.as(pair.invitee())
                .queryParam("limit", 4)
                .when()
                .get("/v1/partnerships/{p}/cadence/upcoming", pair.partnershipId())
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(
                List.of(
                        "2027-03-28T17:00:00Z", // Sunday 19:00 CEST, the day the clocks change
                        "2027-04-03T08:00:00Z", // first Saturday of April, 10:00 CEST
                        "2027-04-04T17:00:00Z",
                        "2027-04-11T17:00:00Z"),
                upcoming.getList("items.startsAt"));
        assertEquals(List.of("weekly", "monthly", "weekly", "weekly"), upcoming.getList("items.kind"));
        assertEquals("2027-03-28T17:15:00Z", upcoming.getString("items[0].endsAt"));
        assertEquals("2027-04-03T08:45:00Z", upcoming.getString("items[1].endsAt"));

        // The week before, still on winter time, the same Sunday 19:00 is an hour later in UTC.
        clock.setTo(Instant.parse("2027-03-17T12:00:00Z"));
        Api.as(pair.invitee())
                .queryParam("limit", 2)
                .when()
                .get("/v1/partnerships/{p}/cadence/upcoming", pair.partnershipId())
                .then()
                .statusCode(200)
                .body("items.startsAt", equalTo(List.of("2027-03-21T18:00:00Z", "2027-03-28T17:00:00Z")));
    }

    @Test
    void aScheduledCheckInStartsOnlyAtAScheduledTimeAndShowsInUpcomingOnceStarted() {
        Pairs.Pair pair = Pairs.aPartnership();
        clock.setTo(Instant.parse("2027-03-24T12:00:00Z"));
        put(pair.inviter(), pair.partnershipId(), BERLIN_CADENCE);

        // Not a start; a start of another kind; and a start for a check-in that has none.
        for (Map<String, Object> body : List.<Map<String, Object>>of(
                Map.of("kind", "weekly", "scheduledFor", "2027-03-28T18:00:00Z"),
                Map.of("kind", "monthly", "scheduledFor", "2027-03-28T17:00:00Z"),
                Map.of("kind", "ad_hoc", "scheduledFor", "2027-03-28T17:00:00Z"))) {
            Api.as(pair.inviter())
                    .body(body)
                    .when()
                    .post("/v1/partnerships/{p}/check-ins", pair.partnershipId())
                    .then()
                    .statusCode(400)
                    .body("errors[0].field", equalTo("scheduledFor"));
        }

        String checkIn = CheckIns.start(
                pair.invitee(), pair.partnershipId(), Map.of("kind", "weekly", "scheduledFor", "2027-03-28T17:00:00Z"));
        Api.as(pair.inviter())
                .queryParam("limit", 1)
                .when()
                .get("/v1/partnerships/{p}/cadence/upcoming", pair.partnershipId())
                .then()
                .statusCode(200)
                .body("items[0].checkInId", equalTo(checkIn));
    }

    @Test
    void bothMembersGetTheReminderOnceWhateverTheNumberOfSweeps() throws Exception {
        Pairs.Pair pair = Pairs.aPartnership();
        clock.setTo(Instant.parse("2027-03-28T15:50:00Z"));
        put(pair.inviter(), pair.partnershipId(), BERLIN_CADENCE);
        try (SseClient inviter = SseClient.connect(pair.inviter());
                SseClient invitee = SseClient.connect(pair.invitee());
                SseClient outsider = SseClient.connect(Accounts.signedIn())) {
            assertNotNull(inviter.await("comment", Duration.ofSeconds(2)));
            assertNotNull(invitee.await("comment", Duration.ofSeconds(2)));
            assertNotNull(outsider.await("comment", Duration.ofSeconds(2)));
            reminders.sweep();
            assertEquals(0, sent(pair), "70 minutes before the start: too early for a 60-minute reminder");

            clock.advance(Duration.ofMinutes(15));
            // Three instances sweeping at the same moment.
            ExecutorService pool = Executors.newFixedThreadPool(3);
            try {
                List<Future<Integer>> sweeps = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    sweeps.add(pool.submit((Callable<Integer>) reminders::sweep));
                }
                for (Future<Integer> sweep : sweeps) {
                    sweep.get();
                }
            } finally {
                pool.shutdownNow();
            }
            reminders.sweep();
            assertEquals(1, sent(pair));

            for (SseClient stream : List.of(inviter, invitee)) {
                SseClient.Event reminder = stream.await("checkin.reminder", Duration.ofSeconds(3));
                assertNotNull(reminder);
                JsonPath data = JsonPath.from(reminder.data());
                assertEquals(pair.partnershipId().toString(), data.getString("partnershipId"));
                assertEquals("weekly", data.getString("kind"));
                assertEquals("2027-03-28T17:00:00Z", data.getString("startsAt"));
                assertEquals("2027-03-28T17:15:00Z", data.getString("endsAt"));
                assertNull(stream.await("checkin.reminder", Duration.ofMillis(500)), "only once");
            }
            assertNull(outsider.await("checkin.reminder", Duration.ofMillis(500)), "nobody else hears of it");

            // Saving the same cadence again does not remind of the same start twice.
            put(pair.invitee(), pair.partnershipId(), BERLIN_CADENCE);
            reminders.sweep();
            assertEquals(1, sent(pair));
            assertNull(invitee.await("checkin.reminder", Duration.ofMillis(500)));
        }
    }

    @Test
    void aCoolOffHoldsTheCheckInReminderUntilItEnds() throws Exception {
        Pairs.Pair pair = Pairs.aPartnership();
        clock.setTo(Instant.parse("2027-03-28T16:20:00Z"));
        put(pair.inviter(), pair.partnershipId(), BERLIN_CADENCE);
        Api.as(pair.invitee())
                .body(Map.of("kind", "cool_off", "minutes", 10))
                .when()
                .post("/v1/partnerships/{p}/moments", pair.partnershipId())
                .then()
                .statusCode(201);
        try (SseClient stream = SseClient.connect(pair.inviter())) {
            assertNotNull(stream.await("comment", Duration.ofSeconds(2)));
            reminders.sweep();
            assertEquals(0, sent(pair), "held back during the pause");
            assertNull(stream.await("checkin.reminder", Duration.ofMillis(500)));

            clock.advance(Duration.ofMinutes(11));
            reminders.sweep();
            assertEquals(1, sent(pair), "sent once the pause has ended");
            assertNotNull(stream.await("checkin.reminder", Duration.ofSeconds(3)));
        }
    }

    @Test
    void theCadenceReachesBothMembersThroughSync() {
        Pairs.Pair pair = Pairs.aPartnership();
        put(pair.inviter(), pair.partnershipId(), BERLIN_CADENCE);
        JsonPath page = SyncFeed.firstPage(pair.invitee(), 100);
        List<Map<String, Object>> cadences = page.<Map<String, Object>>getList("changes").stream()
                .filter(c -> "cadence".equals(c.get("type")))
                .toList();
        assertEquals(1, cadences.size(), "one cadence record: " + cadences);
        assertEquals(pair.partnershipId().toString(), cadences.get(0).get("id"));
        @SuppressWarnings("unchecked")
        Map<String, Object> record = (Map<String, Object>) cadences.get(0).get("record");
        assertEquals("Europe/Berlin", record.get("timeZone"));
    }

    @Test
    void anEndedPartnershipsCadenceCannotChange() {
        Pairs.Pair pair = Pairs.aPartnership();
        Api.as(pair.inviter())
                .when()
                .post("/v1/partnerships/{p}/end", pair.partnershipId())
                .then()
                .statusCode(200);
        Api.as(pair.inviter())
                .body(BERLIN_CADENCE)
                .when()
                .put("/v1/partnerships/{p}/cadence", pair.partnershipId())
                .then()
                .statusCode(409)
                .body("type", equalTo(PROBLEMS + "partnership-ended"));
    }

    /** Reminders claimed for this partnership (the sweep also serves other tests' partnerships). */
    private int sent(Pairs.Pair pair) throws Exception {
        try (var connection = dataSource.getConnection();
                var query = connection.prepareStatement(
                        "select count(*) from check_in_reminder where partnership_id = ?")) {
            query.setObject(1, pair.partnershipId());
            try (var rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    static io.restassured.response.ValidatableResponse put(SignedIn who, UUID partnershipId, Map<String, ?> body) {
        return Api.as(who)
                .body(body)
                .when()
                .put("/v1/partnerships/{p}/cadence", partnershipId)
                .then()
                .statusCode(200);
    }
}
