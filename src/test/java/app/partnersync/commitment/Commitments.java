package app.partnersync.commitment;

import app.partnersync.support.Api;
import app.partnersync.support.Pairs;
import app.partnersync.support.SignedIn;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Fixture builder: commitments made through the API. */
final class Commitments {

    private Commitments() {}

    /** A one-off promise of {@code promiser} in the pair's partnership, due at {@code dueAt}. */
    static JsonPath oneOff(Pairs.Pair pair, SignedIn promiser, Instant dueAt, Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>(Map.of(
                "title", "Promise " + UUID.randomUUID().toString().substring(0, 6),
                "promisedBy", List.of(promiser.accountId()),
                "dueAt", dueAt.toString()));
        body.putAll(extra);
        return create(pair, body);
    }

    static JsonPath create(Pairs.Pair pair, Map<String, Object> body) {
        return Api.as(pair.inviter())
                .body(body)
                .when()
                .post("/v1/partnerships/{p}/commitments", pair.partnershipId())
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
    }

    static String path(Pairs.Pair pair, String commitmentId) {
        return "/v1/partnerships/" + pair.partnershipId() + "/commitments/" + commitmentId;
    }
}
