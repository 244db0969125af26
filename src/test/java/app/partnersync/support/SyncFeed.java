package app.partnersync.support;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Fixture helpers for the sync feed ({@code /v1/sync}): pages pulled and mutations pushed through the API. */
public final class SyncFeed {

    private SyncFeed() {}

    /** The first page of {@code member}'s feed, at most {@code limit} changes; expects 200. */
    public static JsonPath firstPage(SignedIn member, int limit) {
        return page(member, null, limit);
    }

    /** The page of {@code member}'s feed after {@code cursor} (from the start when null); expects 200. */
    public static JsonPath page(SignedIn member, String cursor) {
        return page(Api.as(member), cursor);
    }

    /** The page of {@code member}'s feed after {@code cursor}, at most {@code limit} changes; expects 200. */
    public static JsonPath page(SignedIn member, String cursor, int limit) {
        return page(Api.as(member).queryParam("limit", limit), cursor);
    }

    private static JsonPath page(RequestSpecification request, String cursor) {
        if (cursor != null) {
            request = request.queryParam("cursor", cursor);
        }
        return request.when().get("/v1/sync").then().statusCode(200).extract().jsonPath();
    }

    /** Pushes one batch of {@code mutations} as {@code member}; expects 200 and returns the per-mutation results. */
    public static JsonPath push(SignedIn member, List<Map<String, Object>> mutations) {
        return push(Api.as(member), mutations);
    }

    /**
     * Pushes a batch that breaks the contract on purpose (a mutation the contract has no shape for, such as deleting a
     * partnership): the service rejects such a mutation on its own, and only the answer is checked against the contract.
     */
    public static JsonPath pushOutsideTheContract(SignedIn member, List<Map<String, Object>> mutations) {
        return push(Api.invalidAs(member), mutations);
    }

    private static JsonPath push(RequestSpecification request, List<Map<String, Object>> mutations) {
        return request.body(Map.of("mutations", mutations))
                .when()
                .post("/v1/sync")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** One mutation of a batch, with a fresh mutation id; {@code baseVersion} and {@code data} are left out when null. */
    public static Map<String, Object> mutation(
            String type, UUID id, Long baseVersion, String op, Map<String, Object> data) {
        Map<String, Object> mutation = new HashMap<>();
        mutation.put("mutationId", UUID.randomUUID().toString());
        mutation.put("type", type);
        mutation.put("id", id.toString());
        mutation.put("op", op);
        if (baseVersion != null) {
            mutation.put("baseVersion", baseVersion);
        }
        if (data != null) {
            mutation.put("data", data);
        }
        return mutation;
    }
}
