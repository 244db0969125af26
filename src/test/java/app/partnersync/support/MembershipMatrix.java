package app.partnersync.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The membership matrix, driven by the contract: every operation whose path has {@code {partnershipId}} is called by
 * a member, by the other member, by a stranger (404, exactly as for an unknown id), with an unknown id (404), and
 * without a token (401). Request bodies are the operation's first contract example. An operation with another path
 * parameter needs a fixture in {@link #FIXTURES} that makes a valid value for a fresh pair, or the matrix fails.
 */
public final class MembershipMatrix {

    private static final String PARTNERSHIP = "partnershipId";
    private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");

    /** A fixed far due time: the fixture's occurrence date is known without asking. */
    private static final String FIXTURE_DUE_AT = "2030-06-01T12:00:00Z";

    /**
     * Makes a valid value of a path parameter (other than partnershipId) inside a fresh pair's partnership. Several
     * parameters of one path share one fixture record: {dueDate} names the occurrence of the {commitmentId} fixture.
     */
    static final Map<String, Function<Pairs.Pair, String>> FIXTURES = Map.of(
            "commitmentId", MembershipMatrix::commitmentOf,
            "dueDate", pair -> FIXTURE_DUE_AT.substring(0, 10),
            "checkInId", MembershipMatrix::checkInOf,
            "momentId", MembershipMatrix::momentOf,
            "repairPlanId", MembershipMatrix::repairPlanOf,
            "webhookId", pair -> webhookOf(pair)[0],
            "deliveryId", pair -> webhookOf(pair)[1]);

    private static final Map<UUID, String[]> WEBHOOKS = new java.util.concurrent.ConcurrentHashMap<>();

    private static final Map<UUID, String> COMMITMENTS = new java.util.concurrent.ConcurrentHashMap<>();

    private static final Map<UUID, String> CHECK_INS = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * One paused webhook per pair with one delivery in its log (of a partnership rename): {webhookId, deliveryId}.
     * Paused, so that no test's delivery sweep ever calls its (unreachable) loopback address.
     */
    private static String[] webhookOf(Pairs.Pair pair) {
        return WEBHOOKS.computeIfAbsent(pair.partnershipId(), id -> {
            String webhook = Api.as(pair.inviter())
                    .body(Map.of("url", "http://127.0.0.1:9/matrix", "events", java.util.List.of("partnership.*")))
                    .when()
                    .post("/v1/partnerships/{id}/webhooks", id)
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
            Api.as(pair.inviter())
                    .body(Map.of("active", false))
                    .when()
                    .patch("/v1/partnerships/{id}/webhooks/{w}", id, webhook)
                    .then()
                    .statusCode(200);
            Api.as(pair.inviter())
                    .body(Map.of("displayName", "Matrix"))
                    .when()
                    .patch("/v1/partnerships/{id}", id)
                    .then()
                    .statusCode(200);
            String delivery = Api.as(pair.inviter())
                    .when()
                    .get("/v1/partnerships/{id}/webhooks/{w}/deliveries", id, webhook)
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("items[0].id");
            return new String[] {webhook, delivery};
        });
    }

    /** A repair plan without steps in the pair's partnership. */
    private static String repairPlanOf(Pairs.Pair pair) {
        return Api.as(pair.inviter())
                .body(Map.of("title", "Matrix fixture"))
                .when()
                .post("/v1/partnerships/{id}/repair-plans", pair.partnershipId())
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** An appreciation in the pair's partnership. */
    private static String momentOf(Pairs.Pair pair) {
        return Api.as(pair.inviter())
                .body(Map.of("kind", "appreciation", "message", "Matrix fixture"))
                .when()
                .post("/v1/partnerships/{id}/moments", pair.partnershipId())
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** One open ad hoc check-in per pair. */
    private static String checkInOf(Pairs.Pair pair) {
        return CHECK_INS.computeIfAbsent(
                pair.partnershipId(),
                id -> Api.as(pair.inviter())
                        .body(Map.of("kind", "ad_hoc"))
                        .when()
                        .post("/v1/partnerships/{id}/check-ins", id)
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id"));
    }

    /** One commitment per pair, promised by both members, due once at {@link #FIXTURE_DUE_AT}. */
    private static String commitmentOf(Pairs.Pair pair) {
        return COMMITMENTS.computeIfAbsent(
                pair.partnershipId(),
                id -> Api.as(pair.inviter())
                        .body(Map.of(
                                "title",
                                "Matrix fixture",
                                "promisedBy",
                                java.util.List.of(
                                        pair.inviter().accountId(),
                                        pair.invitee().accountId()),
                                "dueAt",
                                FIXTURE_DUE_AT))
                        .when()
                        .post("/v1/partnerships/{id}/commitments", id)
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id"));
    }

    private MembershipMatrix() {}

    /** Runs the matrix over the whole contract and returns how many operations it checked. */
    public static int checkEveryPartnershipOperation() {
        int checked = 0;
        for (Map.Entry<String, PathItem> path : contract().getPaths().entrySet()) {
            if (!path.getKey().contains("{" + PARTNERSHIP + "}")) {
                continue;
            }
            for (Map.Entry<PathItem.HttpMethod, Operation> operation :
                    path.getValue().readOperationsMap().entrySet()) {
                check(path.getKey(), operation.getKey(), operation.getValue());
                checked++;
            }
        }
        return checked;
    }

    private static void check(String template, PathItem.HttpMethod method, Operation operation) {
        String name = method + " " + template + " (" + operation.getOperationId() + ")";
        Object body = exampleBody(operation);

        Pairs.Pair stranger = Pairs.aPartnership();
        Pairs.Pair target = Pairs.aPartnership();
        String path = resolve(template, target, target.partnershipId());
        assertProblem(name + " by a stranger", send(Api.as(stranger.inviter()), method, path, body), 404);
        assertProblem(
                name + " with an unknown id",
                send(Api.as(target.inviter()), method, resolve(template, target, UUID.randomUUID()), body),
                404);
        assertProblem(name + " without a token", send(Api.invalid(), method, path, body), 401);
        assertAdmitted(name + " by the inviting member", send(Api.as(target.inviter()), method, path, body));

        Pairs.Pair other = Pairs.aPartnership();
        assertAdmitted(
                name + " by the invited member",
                send(Api.as(other.invitee()), method, resolve(template, other, other.partnershipId()), body));
    }

    private static String resolve(String template, Pairs.Pair pair, UUID partnershipId) {
        Matcher parameters = PARAMETER.matcher(template);
        StringBuilder path = new StringBuilder();
        while (parameters.find()) {
            String parameter = parameters.group(1);
            String value;
            if (parameter.equals(PARTNERSHIP)) {
                value = partnershipId.toString();
            } else if (FIXTURES.containsKey(parameter)) {
                value = FIXTURES.get(parameter).apply(pair);
            } else {
                throw new AssertionError("The membership matrix cannot build a value for {" + parameter + "} in "
                        + template + ": add a fixture to MembershipMatrix.FIXTURES");
            }
            parameters.appendReplacement(path, value);
        }
        parameters.appendTail(path);
        return path.toString();
    }

    private static Response send(RequestSpecification request, PathItem.HttpMethod method, String path, Object body) {
        if (body != null) {
            request = request.body(body);
        }
        return request.request(method.name(), path);
    }

    private static void assertProblem(String what, Response response, int status) {
        assertEquals(status, response.statusCode(), what + ": " + response.asString());
        assertEquals("application/problem+json", response.contentType().split(";")[0], what);
    }

    /**
     * Past the membership check: anything but 401 and 404 (the example body may still be refused on its merits, a 400
     * naming a field or a 409 about state; that is the resource's business, not the matrix's), and never a 5xx.
     */
    private static void assertAdmitted(String what, Response response) {
        int status = response.statusCode();
        assertTrue(
                status != 401 && status != 404 && status < 500,
                what + " should be admitted, got " + status + ": " + response.asString());
    }

    private static Object exampleBody(Operation operation) {
        if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
            return null;
        }
        MediaType json = operation.getRequestBody().getContent().get("application/json");
        if (json == null) {
            fail(operation.getOperationId() + " has a request body but no application/json content");
        }
        Object value = json.getExample();
        if (value == null && json.getExamples() != null && !json.getExamples().isEmpty()) {
            Example first = json.getExamples().values().iterator().next();
            value = first.getValue();
        }
        if (value == null) {
            fail(operation.getOperationId() + " has no request example for the matrix to send");
        }
        return new ObjectMapper().convertValue(value, Object.class);
    }

    private static OpenAPI contract() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true);
        return new OpenAPIV3Parser()
                .readLocation(Api.CONTRACT.toUri().toString(), null, options)
                .getOpenAPI();
    }
}
