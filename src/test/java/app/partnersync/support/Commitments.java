package app.partnersync.support;

import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Fixture builder: commitments made, and outcomes recorded, through the API. */
public final class Commitments {

    private Commitments() {}

    /**
     * A one-off promise of {@code promiser} due at {@code dueAt}, made by the pair's inviter, with a fresh title;
     * {@code extra} adds fields or overrides the defaults (a title, a reminder).
     */
    public static JsonPath oneOff(Pairs.Pair pair, SignedIn promiser, Instant dueAt, Map<String, Object> extra) {
        return create(pair.inviter(), pair.partnershipId(), oneOffBody(promiser, dueAt, extra));
    }

    /** A one-off promise with a fresh title that {@code promiser} makes for themselves, due at {@code dueAt}. */
    public static JsonPath ownPromise(Pairs.Pair pair, SignedIn promiser, Instant dueAt) {
        return create(promiser, pair.partnershipId(), oneOffBody(promiser, dueAt, Map.of()));
    }

    /** Creates a commitment from {@code body} as the pair's inviter; expects 201. */
    public static JsonPath create(Pairs.Pair pair, Map<String, Object> body) {
        return create(pair.inviter(), pair.partnershipId(), body);
    }

    /** Creates a commitment from {@code body} as {@code author}; expects 201. */
    public static JsonPath create(SignedIn author, UUID partnershipId, Map<String, Object> body) {
        return Api.as(author)
                .body(body)
                .when()
                .post("/v1/partnerships/{p}/commitments", partnershipId)
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
    }

    public static String path(Pairs.Pair pair, String commitmentId) {
        return "/v1/partnerships/" + pair.partnershipId() + "/commitments/" + commitmentId;
    }

    /** The path of the commitment's occurrence on the UTC date of {@code due}. */
    public static String occurrencePath(Pairs.Pair pair, String commitmentId, Instant due) {
        return path(pair, commitmentId) + "/occurrences/"
                + due.atZone(ZoneOffset.UTC).toLocalDate();
    }

    /** {@code promiser} records {@code outcome} for the occurrence at {@code occurrencePath}; expects 200. */
    public static void recordOutcome(SignedIn promiser, String occurrencePath, String outcome) {
        Api.as(promiser)
                .body(Map.of("outcome", outcome))
                .when()
                .post(occurrencePath + "/outcome")
                .then()
                .statusCode(200);
    }

    /** {@code promiser} owns a missed occurrence at {@code occurrencePath} with {@code apology}; expects 200. */
    public static void acknowledge(SignedIn promiser, String occurrencePath, Map<String, Object> apology) {
        Api.as(promiser)
                .body(apology)
                .when()
                .post(occurrencePath + "/acknowledgement")
                .then()
                .statusCode(200);
    }

    private static Map<String, Object> oneOffBody(SignedIn promiser, Instant dueAt, Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>(Map.of(
                "title", "Promise " + UUID.randomUUID().toString().substring(0, 6),
                "promisedBy", List.of(promiser.accountId()),
                "dueAt", dueAt.toString()));
        body.putAll(extra);
        return body;
    }
}
