package app.partnersync.account;

import static app.partnersync.support.Problems.PROBLEMS;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.partnersync.support.Accounts;
import app.partnersync.support.Api;
import app.partnersync.support.CheckIns;
import app.partnersync.support.Pairs;
import app.partnersync.support.SignedIn;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Data rights: an account exports everything it can see, and deleting it leaves nothing personal behind. */
@QuarkusTest
class AccountDataTest {

    @Inject
    AgroalDataSource database;

    @Test
    void theExportHoldsEverythingTheAccountCanSeeAndNoSecrets() {
        SignedIn me = Accounts.anAccount().withDevice("phone").register();
        Accounts.login(me, "laptop");
        UUID partnership = Pairs.pair(me, Accounts.signedIn(), "partner");
        Pairs.invite(me, "friend");

        String raw = Api.as(me)
                .when()
                .get("/v1/me/export")
                .then()
                .statusCode(200)
                .header("Content-Disposition", containsString("attachment"))
                .body("formatVersion", equalTo(1))
                .body("account.id", equalTo(me.accountId().toString()))
                .body("account.email", equalTo(me.email()))
                .body("sessions", hasSize(2))
                .body("sessions.deviceName", equalTo(List.of("phone", "laptop")))
                .body("partnerships", hasSize(1))
                .body("partnerships[0].id", equalTo(partnership.toString()))
                .body("invitations", hasSize(2))
                .extract()
                .asString();

        assertEquals(
                List.of(
                        "formatVersion",
                        "exportedAt",
                        "account",
                        "cadences",
                        "checkIns",
                        "commitments",
                        "integrationTokens",
                        "invitations",
                        "milestones",
                        "moments",
                        "occurrences",
                        "partnerships",
                        "repairPlans",
                        "sessions",
                        "webhooks"),
                new ArrayList<>(JsonPath.from(raw).getMap("").keySet()));
        for (String secret : new String[] {"psr_", "$2a$", "$2b$", "passwordHash", me.refreshToken(), me.password()}) {
            assertTrue(!raw.contains(secret), "the export must not contain " + secret);
        }
    }

    @Test
    void deletionNeedsThePassword() {
        SignedIn me = Accounts.signedIn();

        Api.as(me)
                .body(Map.of("password", "not my password"))
                .when()
                .delete("/v1/me")
                .then()
                .statusCode(403)
                .body("type", equalTo(PROBLEMS + "wrong-password"));
        Api.as(me).when().get("/v1/me").then().statusCode(200);
    }

    @Test
    void deletionErasesThePersonAndLeavesThePartnerTheHistory() throws SQLException {
        SignedIn leaving = Accounts.anAccount().withDevice("Leaving's phone").register();
        String displayName =
                Api.as(leaving).when().get("/v1/me").then().extract().path("displayName");
        SignedIn staying = Accounts.signedIn();
        UUID shared = Pairs.pair(leaving, staying, "partner");
        Api.as(leaving)
                .body(Map.of("displayName", "Secret nickname " + displayName))
                .when()
                .patch("/v1/partnerships/{id}", shared)
                .then()
                .statusCode(200);
        CheckIns.setCadence(leaving, shared, CheckIns.weekly("Europe/Berlin", "SUNDAY", "19:00"));
        Api.as(leaving)
                .body(Map.of(
                        "title",
                        "Repair after the missed call",
                        "steps",
                        List.of(Map.of("text", "Call back the same day", "ownerId", leaving.accountId(), "done", true)),
                        "review",
                        Map.of("dayOfWeek", "MONDAY", "time", "20:00", "timeZone", "Europe/Berlin")))
                .when()
                .post("/v1/partnerships/{id}/repair-plans", shared)
                .then()
                .statusCode(201);
        Api.as(leaving)
                .body(Map.of(
                        "name",
                        "Leaving's calendar",
                        "scopes",
                        List.of("commitments:read"),
                        "partnershipId",
                        shared.toString(),
                        "expiresAt",
                        java.time.Instant.now()
                                .plus(java.time.Duration.ofDays(30))
                                .toString()))
                .when()
                .post("/v1/me/tokens")
                .then()
                .statusCode(201);
        Api.as(leaving)
                .body(Map.of("url", "http://127.0.0.1:9/leaving", "events", List.of("*")))
                .when()
                .post("/v1/partnerships/{id}/webhooks", shared)
                .then()
                .statusCode(201);
        Pairs.invite(leaving, "friend");
        Api.as(leaving).when().get("/v1/invitations/{code}", "ZZZZ-2222").then().statusCode(404); // a rate-limit row
        Api.as(leaving).when().post("/v1/events/tickets").then().statusCode(201); // an unused stream ticket

        Api.as(leaving)
                .body(Map.of("password", leaving.password()))
                .when()
                .delete("/v1/me")
                .then()
                .statusCode(204);

        Api.as(leaving).when().get("/v1/me").then().statusCode(401);
        Api.anonymous()
                .body(Map.of("email", leaving.email(), "password", leaving.password()))
                .when()
                .post("/v1/auth/login")
                .then()
                .statusCode(401);

        JsonPath history = Api.as(staying)
                .when()
                .get("/v1/partnerships/{id}", shared)
                .then()
                .statusCode(200)
                .body("status", equalTo("ended"))
                .body("endedReason", equalTo("member_deleted"))
                .body(not(containsString(displayName)))
                .extract()
                .jsonPath();
        assertEquals(List.of(true, false), history.getList("members.former"));
        assertEquals("Former member", history.getString("members[0].displayName"));
        assertEquals(null, history.getString("members[0].accountId"));
        Api.as(staying)
                .when()
                .get("/v1/me/export")
                .then()
                .statusCode(200)
                .body("partnerships", hasSize(1))
                .body("cadences", hasSize(1))
                .body("webhooks", hasSize(1))
                .body("repairPlans[0].steps[0].text", equalTo("Call back the same day"))
                .body("repairPlans[0].steps[0].done", equalTo(true));

        for (String trace : List.of(
                leaving.email(),
                displayName,
                leaving.accountId().toString(),
                "Leaving's phone",
                "Leaving's calendar")) {
            assertEquals(List.of(), tablesContaining(trace), "nothing in the database may mention " + trace);
        }
    }

    /** Every table whose rows, as text, contain {@code needle} (case-insensitive). */
    private List<String> tablesContaining(String needle) throws SQLException {
        List<String> tables = new ArrayList<>();
        List<String> hits = new ArrayList<>();
        try (Connection connection = database.getConnection()) {
            try (PreparedStatement list = connection.prepareStatement(
                            "select table_name from information_schema.tables where table_schema = current_schema()"
                                    + " and table_type = 'BASE TABLE' and table_name <> 'flyway_schema_history'");
                    ResultSet rows = list.executeQuery()) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            assertTrue(tables.contains("account") && tables.contains("partnership_member"), tables.toString());
            for (String table : tables) {
                try (PreparedStatement search = connection.prepareStatement(
                        "select count(*) from \"" + table + "\" t where strpos(lower(t::text), lower(?)) > 0")) {
                    search.setString(1, needle);
                    try (ResultSet count = search.executeQuery()) {
                        count.next();
                        if (count.getLong(1) > 0) {
                            hits.add(table);
                        }
                    }
                }
            }
        }
        return hits;
    }
}
