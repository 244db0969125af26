package app.partnersync.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import app.partnersync.common.ProblemType;
import app.partnersync.identity.Scopes;
import app.partnersync.support.Accounts;
import app.partnersync.support.Api;
import app.partnersync.support.IntegrationTokens;
import app.partnersync.support.Pairs;
import app.partnersync.support.SignedIn;
import app.partnersync.support.SseClient;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The access matrix, driven by the contract: every operation of {@code openapi/partner-sync.yaml} is called with a
 * valid request (its {@link Recipe}) by every kind of caller, and must answer
 *
 * <ul>
 *   <li>without a token, or with a garbage one: 401 (a public operation ignores them and answers 2xx);
 *   <li>under {@code /v1/partnerships/{partnershipId}}: 404 to a stranger and for an unknown id, as if it did not
 *       exist;
 *   <li>to an integration token: 403 {@code insufficient-scope} without the operation's {@code x-integration-scope},
 *       admitted with it, 404 when limited to another of the member's partnerships; 403 {@code member-token-required}
 *       on an operation whose security does not list {@code integrationToken};
 *   <li>to either member, and to an integration token holding the scope: 2xx;
 *   <li>once the partnership has ended: 409 {@code partnership-ended} to every write, 2xx to every read.
 * </ul>
 *
 * Every answer is checked against the contract by {@link Api}'s filter; every refusal must be a problem. Each
 * operation gets a fresh partnership; the accounts around it are few and reused (sign-ups are slow by design).
 */
final class AccessMatrix {

    private static final String PARTNERSHIP = "partnershipId";
    private static final String INTEGRATION_TOKEN = "integrationToken";
    private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Tokens that are no one's: one for the access-token (JWT) mechanism, one for the integration-token one. */
    private static final List<String> GARBAGE_TOKENS = List.of("not-a-token", "psi_" + "A".repeat(43));

    /**
     * Writes that an ended partnership still takes, each with why (the contract's description says so too). Every
     * other write answers 409: the contract documents {@code partnership-ended} on each of them and the service
     * agrees, so the matrix holds both to it.
     */
    private static final Map<String, String> WRITABLE_AFTER_END = Map.of(
            "putIntegrationConsent",
            "the consent still governs integrations' reads of the ended partnership",
            "deleteWebhook",
            "either member can always stop the partnership's data flowing to an integration");

    /**
     * The members whose partnerships the matrix makes in turn. Each accept of an invitation counts against the
     * account's attempt limit (30 a window), so the matrix spreads its ~40 partnerships over a few pairs.
     */
    private static final int SEATS = 3;

    /** One pair of members that the matrix makes its partnerships with, and the owner's integration tokens. */
    record Seat(SignedIn owner, SignedIn partner, UUID standing, Map<String, String> tokens) {

        /** The owner's integration token with these scopes, limited to {@code only} unless null; made once. */
        String token(List<String> scopes, UUID only) {
            return tokens.computeIfAbsent(scopes + "@" + only, key -> IntegrationTokens.create(owner, scopes, only));
        }
    }

    /** What the matrix checked: operations and requests. */
    record Result(int operations, int checks) {}

    private final SignedIn stranger = Accounts.signedIn();
    private final List<Seat> seats = new ArrayList<>();
    private int turn;
    private int checks;

    private AccessMatrix() {
        // The owner's standing partnership is with one shared account, never a member of a stage.
        SignedIn otherPartner = Accounts.signedIn();
        for (int i = 0; i < SEATS; i++) {
            SignedIn owner = Accounts.signedIn();
            UUID standing = Pairs.pair(otherPartner, owner, "friend");
            seats.add(new Seat(owner, Accounts.signedIn(), standing, new HashMap<>()));
        }
    }

    /** Runs the matrix over every operation of the contract. */
    static Result run() {
        AccessMatrix matrix = new AccessMatrix();
        int operations = 0;
        for (Map.Entry<String, PathItem> path : contract().getPaths().entrySet()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> operation :
                    path.getValue().readOperationsMap().entrySet()) {
                try {
                    matrix.check(path.getKey(), operation.getKey(), operation.getValue());
                } catch (AssertionError e) {
                    // A fixture's failed expectation does not name the operation it was made for.
                    throw new AssertionError(
                            "while checking " + operation.getValue().getOperationId() + ": " + e.getMessage(), e);
                }
                operations++;
            }
        }
        return new Result(operations, matrix.checks);
    }

    /** Contract operations without a recipe, and recipes of operations the contract lacks; both empty when right. */
    static List<String> recipeGaps() {
        Set<String> operations = new TreeSet<>();
        contract()
                .getPaths()
                .values()
                .forEach(item -> item.readOperations().forEach(op -> operations.add(op.getOperationId())));
        List<String> gaps = new ArrayList<>();
        operations.stream()
                .filter(id -> !Recipe.BY_OPERATION.containsKey(id))
                .forEach(id -> gaps.add(id + ": in the contract, without a recipe"));
        new TreeSet<>(Recipe.BY_OPERATION.keySet())
                .stream()
                        .filter(id -> !operations.contains(id))
                        .forEach(id -> gaps.add(id + ": has a recipe, not in the contract"));
        return gaps;
    }

    private void check(String template, PathItem.HttpMethod method, Operation operation) {
        String name = method + " " + template + " (" + operation.getOperationId() + ")";
        Recipe recipe = Recipe.BY_OPERATION.get(operation.getOperationId());
        if (recipe == null) {
            fail(name + " has no recipe in Recipe.BY_OPERATION");
        }
        Access access = access(name, operation);
        Seat seat = seats.get(turn++ % seats.size());
        boolean inPartnership = template.contains("{" + PARTNERSHIP + "}");
        Stage stage = inPartnership ? Stage.withPartnership(seat) : Stage.ofAccount(seat);
        Request request = new Request(template, method, operation, recipe);

        if (access.isPublic()) {
            success(name + " without a token", request.send(Api.anonymous(), request.build(stage, stage.owner())));
            for (String garbage : GARBAGE_TOKENS) {
                success(
                        name + " with the garbage token " + garbage + ", which a public operation ignores",
                        request.send(Api.invalidWithToken(garbage), request.build(stage, stage.owner())));
            }
            return;
        }

        // Refusals consume nothing, so one call serves them all.
        Call refused = request.build(stage, stage.owner());
        problem(name + " without a token", operation, request.send(Api.invalid(), refused), ProblemType.UNAUTHORIZED);
        for (String garbage : GARBAGE_TOKENS) {
            problem(
                    name + " with the garbage token " + garbage,
                    operation,
                    request.send(Api.invalidWithToken(garbage), refused),
                    ProblemType.UNAUTHORIZED);
        }
        if (inPartnership) {
            Response stranger = request.send(Api.as(this.stranger), refused);
            problem(name + " by a stranger", operation, stranger, ProblemType.NOT_FOUND);
            Response unknown = request.send(Api.as(stage.owner()), refused, UUID.randomUUID());
            problem(name + " with an unknown partnership id", operation, unknown, ProblemType.NOT_FOUND);
            assertEquals(
                    unknown.jsonPath().getString("detail"),
                    stranger.jsonPath().getString("detail"),
                    name + ": a stranger learns nothing an unknown id would not tell");
        }
        if (access.scope() == null) {
            problem(
                    name + " with an integration token holding every scope",
                    operation,
                    request.send(Api.withToken(seat.token(Scopes.ALL, null)), refused),
                    ProblemType.MEMBER_TOKEN_REQUIRED);
        } else {
            List<String> others = new ArrayList<>(Scopes.ALL);
            assertTrue(others.remove(access.scope()), name + ": x-integration-scope " + access.scope() + " exists");
            problem(
                    name + " with an integration token holding every scope but " + access.scope(),
                    operation,
                    request.send(Api.withToken(seat.token(others, null)), refused),
                    ProblemType.INSUFFICIENT_SCOPE);
            if (inPartnership) {
                problem(
                        name + " with an integration token limited to another of the member's partnerships",
                        operation,
                        request.send(Api.withToken(seat.token(Scopes.ALL, seat.standing())), refused),
                        ProblemType.NOT_FOUND);
            }
        }

        Call byOwner = request.build(stage, stage.owner());
        success(
                name + " by a member",
                request.admitted(byOwner, byOwner.caller().accessToken()));
        if (inPartnership) {
            Call byPartner = request.build(stage, stage.partner());
            success(
                    name + " by the other member",
                    request.admitted(byPartner, byPartner.caller().accessToken()));
        }
        if (access.scope() != null) {
            if (access.scope().equals(Scopes.CHECKINS_READ) && inPartnership) {
                stage.consentOfBoth();
            }
            success(
                    name + " with an integration token holding " + access.scope(),
                    request.admitted(request.build(stage, stage.owner()), seat.token(Scopes.ALL, null)));
        }
        if (inPartnership) {
            checkEnded(name, request, method, operation, stage);
        }
    }

    /** The partnership the call names ends; then a write is refused with 409 and a read still answers. */
    private void checkEnded(
            String name, Request request, PathItem.HttpMethod method, Operation operation, Stage stage) {
        Call call = request.build(stage, stage.owner());
        end(call.caller(), call.partnershipId());
        if (!call.partnershipId().equals(stage.partnershipId())) {
            // The recipe brought its own partnership; the stage's ends too, so that its members can pair again.
            end(stage.owner(), stage.partnershipId());
        }
        Response response = request.send(Api.as(call.caller()), call);
        if (method == PathItem.HttpMethod.GET) {
            success(name + " on an ended partnership, a read", response);
        } else if (WRITABLE_AFTER_END.containsKey(operation.getOperationId())) {
            success(name + " on an ended partnership: " + WRITABLE_AFTER_END.get(operation.getOperationId()), response);
        } else {
            problem(name + " on an ended partnership, a write", operation, response, ProblemType.PARTNERSHIP_ENDED);
        }
    }

    private static void end(SignedIn member, UUID partnership) {
        Api.as(member)
                .when()
                .post("/v1/partnerships/{id}/end", partnership)
                .then()
                .statusCode(200);
    }

    /** A refusal: this status and problem type, and one the contract documents for the operation (an example). */
    private void problem(String what, Operation operation, Response response, ProblemType type) {
        checks++;
        assertEquals(type.status(), response.statusCode(), what + ": " + response.asString());
        assertEquals("application/problem+json", response.contentType().split(";")[0], what);
        assertEquals(type.uri().toString(), response.jsonPath().getString("type"), what);
        assertTrue(
                documentedTypes(operation, type.status()).contains(type.uri().toString()),
                what + ": the contract documents " + type.uri() + " under " + type.status());
    }

    /** The problem types of the operation's examples for {@code status}. */
    private static Set<String> documentedTypes(Operation operation, int status) {
        ApiResponse response = operation.getResponses().get(String.valueOf(status));
        MediaType problem = response == null || response.getContent() == null
                ? null
                : response.getContent().get("application/problem+json");
        Set<String> types = new TreeSet<>();
        if (problem == null) {
            return types;
        }
        List<Object> examples = new ArrayList<>();
        if (problem.getExample() != null) {
            examples.add(problem.getExample());
        }
        if (problem.getExamples() != null) {
            problem.getExamples().values().forEach(example -> examples.add(example.getValue()));
        }
        for (Object example : examples) {
            Object type = JSON.convertValue(example, Map.class).get("type");
            if (type != null) {
                types.add(type.toString());
            }
        }
        return types;
    }

    private void success(String what, Response response) {
        success(what, new Answer(response.statusCode(), response.asString()));
    }

    private void success(String what, Answer answer) {
        checks++;
        assertTrue(
                answer.status() >= 200 && answer.status() < 300,
                what + " should succeed, got " + answer.status() + ": " + answer.body());
    }

    /** An admitted call's answer. */
    private record Answer(int status, String body) {}

    /** One operation's requests: built by its recipe, sent to the path the template names. */
    private final class Request {

        private final String template;
        private final PathItem.HttpMethod method;
        private final Operation operation;
        private final Recipe recipe;

        Request(String template, PathItem.HttpMethod method, Operation operation, Recipe recipe) {
            this.template = template;
            this.method = method;
            this.operation = operation;
            this.recipe = recipe;
        }

        Call build(Stage stage, SignedIn caller) {
            Call call = new Call(stage, caller, exampleBody(operation));
            recipe.fill(call);
            return call;
        }

        Response send(RequestSpecification request, Call call) {
            return send(request, call, null);
        }

        /** Sends the call, with another partnership id in its path unless {@code partnership} is null. */
        Response send(RequestSpecification request, Call call, UUID partnership) {
            if (call.body() != null) {
                request = request.body(call.body());
            }
            if (call.streams()) {
                // What an EventSource sends; with application/json alone the stream answers 406 before anything.
                request = request.accept("text/event-stream");
            }
            return request.queryParams(call.query()).request(method.name(), resolve(call, partnership));
        }

        /** An admitted call with this bearer token: its status and body (a stream is opened and closed again). */
        Answer admitted(Call call, String token) {
            if (!call.streams()) {
                Response response = send(Api.withToken(token), call);
                return new Answer(response.statusCode(), response.asString());
            }
            String path = resolve(call, null);
            assertEquals("/v1/events", path, "the matrix reads the one event stream of the contract");
            try (SseClient stream = SseClient.connect(RestAssured.baseURI + ":" + RestAssured.port, token, null)) {
                return new Answer(stream.status(), "(event stream)");
            } catch (IOException e) {
                throw new AssertionError(operation.getOperationId() + " stream: " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }

        private String resolve(Call call, UUID partnership) {
            Matcher parameters = PARAMETER.matcher(template);
            StringBuilder path = new StringBuilder();
            while (parameters.find()) {
                String parameter = parameters.group(1);
                String value = partnership != null && parameter.equals(PARTNERSHIP)
                        ? partnership.toString()
                        : call.path().get(parameter);
                if (value == null) {
                    fail("The recipe of " + operation.getOperationId() + " gives no value for {" + parameter + "} in "
                            + template);
                }
                parameters.appendReplacement(path, value);
            }
            parameters.appendTail(path);
            return path.toString();
        }
    }

    /** Who may call an operation: anyone (public), or members, and integration tokens holding {@code scope}. */
    private record Access(boolean isPublic, String scope) {}

    /** Public when its security is empty; an integration scope exactly when its security lists integrationToken. */
    private static Access access(String name, Operation operation) {
        List<SecurityRequirement> security = operation.getSecurity();
        assertTrue(security != null, name + " declares its security");
        boolean integration = security.stream().anyMatch(r -> r.containsKey(INTEGRATION_TOKEN));
        Object scope = operation.getExtensions() == null
                ? null
                : operation.getExtensions().get("x-integration-scope");
        assertEquals(
                integration,
                scope != null,
                name + ": lists integrationToken in its security exactly when it names an x-integration-scope");
        return new Access(security.isEmpty(), scope == null ? null : scope.toString());
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
        return JSON.convertValue(value, Object.class);
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
