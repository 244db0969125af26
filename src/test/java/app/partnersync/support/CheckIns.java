package app.partnersync.support;

import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Fixture builders for cadences, check-ins and entries, through the API. */
public final class CheckIns {

    private CheckIns() {}

    /** A cadence body with one weekly check-in, e.g. {@code weekly("Europe/Berlin", "SUNDAY", "19:00")}. */
    public static Map<String, Object> weekly(String timeZone, String dayOfWeek, String time) {
        return Map.of(
                "timeZone",
                timeZone,
                "schedules",
                List.of(Map.of("kind", "weekly", "dayOfWeek", dayOfWeek, "time", time)));
    }

    /** Sets the partnership's cadence; expects 200. */
    public static void setCadence(SignedIn who, UUID partnershipId, Map<String, ?> cadence) {
        Api.as(who)
                .body(cadence)
                .when()
                .put("/v1/partnerships/{p}/cadence", partnershipId)
                .then()
                .statusCode(200);
    }

    /** The partnership's upcoming check-ins as {@code who} sees them; expects 200. */
    public static JsonPath upcoming(SignedIn who, UUID partnershipId) {
        return Api.as(who)
                .when()
                .get("/v1/partnerships/{p}/cadence/upcoming", partnershipId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** Starts a check-in; expects 201 and returns its id. */
    public static String start(SignedIn who, UUID partnershipId, Map<String, Object> body) {
        return Api.as(who)
                .body(body)
                .when()
                .post("/v1/partnerships/{p}/check-ins", partnershipId)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** Writes the caller's entry; expects 200. */
    public static void writeEntry(SignedIn who, UUID partnershipId, String checkIn, Map<String, Object> entry) {
        Api.as(who)
                .body(entry)
                .when()
                .put("/v1/partnerships/{p}/check-ins/{c}/entries/me", partnershipId, checkIn)
                .then()
                .statusCode(200);
    }

    /** A score field of an entry. */
    public static Map<String, Object> score(int value, String visibility) {
        return Map.of("value", value, "visibility", visibility);
    }
}
