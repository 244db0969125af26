package app.partnersync.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.partnersync.support.Api;
import app.partnersync.support.ResetTestClockAfterEach;
import app.partnersync.support.SseClient;
import app.partnersync.support.TestClock;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every example of the contract is a test: one journey of two people (the examples' Mara and Jonas) runs every
 * request example of every operation, and one call of each operation without a body, in the order a client would,
 * against the service through the strict contract filter. The examples' ids, codes, tokens and cursors are
 * placeholders, filled with the real values of earlier answers; the service's clock is set to the examples' world.
 */
@QuarkusTest
@ExtendWith(ResetTestClockAfterEach.class)
class ContractExamplesTest {

    /** The instant the contract's examples are written as of (its introduction says so): their future is ahead. */
    static final Instant EXAMPLES_ARE_WRITTEN_AS_OF = Instant.parse("2026-12-01T08:00:00Z");

    /** The extension that marks a request example as an error illustration, with the status it gets. */
    static final String EXPECT_STATUS = "x-expect-status";

    /** A journey entry that sets the service's clock to the instant after it (later entries happen then). */
    static final String CLOCK = "clock=";

    /**
     * The journey: an operation ({@code op}: all its examples in the contract's order, or one call when it has none),
     * or one example of it ({@code op#example}); {@code @jonas} sends it as the partner, {@code @anonymous} without
     * credentials, otherwise Mara sends it.
     */
    static final List<String> JOURNEY = List.of(
            "register#register@anonymous",
            "register#minimal@anonymous",
            "login@anonymous",
            "refresh@anonymous",
            "getMe",
            "updateMe",
            "listSessions",
            "revokeSession",
            "createInvitation",
            "listInvitations",
            "previewInvitation@jonas",
            "acceptInvitation@jonas",
            "withdrawInvitation",
            "listPartnerships",
            "getPartnership",
            "updatePartnership",
            "putIntegrationConsent",
            "createIntegrationToken",
            "listIntegrationTokens",
            "createWebhook",
            "createCommitment",
            "listCommitments",
            "getCommitment",
            "updateCommitment#reschedule",
            "updateCommitment#share",
            "listOccurrences",
            // Tuesday 2026-12-01's occurrence: renegotiated to the next morning, kept, disputed, kept again, confirmed.
            "recordOutcome#renegotiated@jonas",
            "recordOutcome#kept@jonas",
            "confirmOutcome#dispute",
            "recordOutcome#kept@jonas",
            "confirmOutcome#confirm",
            // 2026-12-08's: Jonas runs late, misses it after all and owns it; then it is called off.
            "createMoment#runningLate@jonas",
            "recordOutcome#missed@jonas",
            "acknowledgeMiss@jonas",
            "recordOutcome#cancelled@jonas",
            "getFollowThrough",
            "getGoals",
            "listMilestones",
            "getOverview",
            "putCadence#weeklyAndMonthly",
            "getCadence",
            "listUpcomingCheckIns",
            "createRepairPlan",
            "listRepairPlans",
            "getRepairPlan",
            "updateRepairPlan#rename",
            "updateRepairPlan#tickStep",
            "startCheckIn",
            "listCheckIns",
            "getCheckIn",
            "putMyEntry",
            "closeCheckIn",
            "updateRepairPlan#complete",
            "putCadence#lastFriday",
            "putCadence#none",
            "createMoment#appreciation",
            "createMoment#coolOff",
            "listMoments",
            "getMoment",
            "listWebhooks",
            "getWebhook",
            "updateWebhook",
            "rotateWebhookSecret",
            "listWebhookDeliveries",
            "redeliverWebhookDelivery",
            "deleteWebhook",
            "pullChanges",
            "pushChanges#renamePartnership",
            "pushChanges#changeTimeZone",
            "pushChanges#createCommitment",
            // Jonas's offline day: he owns the (cancelled) 2026-12-08 occurrence's miss, makes a moment and a check-in.
            "pushChanges#offlineDay@jonas",
            "createStreamTicket",
            "streamEvents",
            // The morning after 2026-12-08's due time: Jonas turns the called-off occurrence into a miss (direct),
            // then into kept (a revision Mara declines), then into cancelled again (a late one she accepts).
            CLOCK + "2026-12-09T09:00:00Z",
            "recordOutcome#missed@jonas",
            "recordOutcome#kept@jonas",
            "answerRevision#decline",
            "recordOutcome#cancelled@jonas",
            "answerRevision#accept",
            "updateCommitment#archive",
            "deleteCommitment",
            "revokeIntegrationToken",
            "revokeOtherSessions",
            "endPartnership",
            "logout@jonas",
            "changePassword",
            "exportMe",
            "deleteMe");

    /** Where an operation documents several successes, the one its examples mean. */
    static final Map<String, Integer> SUCCESS = Map.of("startCheckIn", 201);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final OpenAPI CONTRACT = contract();

    private record Target(String template, PathItem.HttpMethod method, Operation operation) {}

    private record Step(String operationId, String example, String actor) {}

    /** A member of the journey, with the tokens of the session it acts in. */
    private static final class Member {
        String accessToken;
        String refreshToken;
    }

    @Inject
    TestClock clock;

    /** Example value (an id, a code, a token, a cursor, an email, a password) to the real one. */
    private final Map<String, String> real = new HashMap<>();
    /** The last ETag seen for each resource path, for an operation's If-Match. */
    private final Map<String, String> etags = new HashMap<>();

    private final Member mara = new Member();
    private final Member jonas = new Member();
    private final List<String> failures = new ArrayList<>();

    @Test
    void theJourneyRunsEveryExampleOfTheContractAndNoOther() {
        Map<String, Target> targets = targets();
        Set<String> expected = new TreeSet<>();
        for (Target target : targets.values()) {
            List<String> names = new ArrayList<>(examples(target.operation()).keySet());
            if (names.isEmpty()) {
                expected.add(target.operation().getOperationId());
            } else {
                names.forEach(name -> expected.add(target.operation().getOperationId() + "#" + name));
            }
        }
        Set<String> run = new TreeSet<>();
        List<String> unknown = new ArrayList<>();
        for (String entry : JOURNEY) {
            if (entry.startsWith(CLOCK)) {
                continue;
            }
            Step step = step(entry);
            Target target = targets.get(step.operationId());
            if (target == null) {
                unknown.add(entry + " (no such operation)");
                continue;
            }
            Map<String, Example> examples = examples(target.operation());
            if (step.example() != null && !examples.containsKey(step.example())) {
                unknown.add(entry + " (no such example)");
            } else if (examples.isEmpty()) {
                run.add(step.operationId());
            } else if (step.example() == null) {
                examples.keySet().forEach(name -> run.add(step.operationId() + "#" + name));
            } else {
                run.add(step.operationId() + "#" + step.example());
            }
        }
        Set<String> missing = new TreeSet<>(expected);
        missing.removeAll(run);
        assertTrue(unknown.isEmpty(), "The journey names what the contract does not have: " + unknown);
        assertTrue(missing.isEmpty(), "The journey does not run these operations and examples: " + missing);
    }

    @Test
    void everyRequestExampleWorksAsWritten() throws Exception {
        clock.setTo(EXAMPLES_ARE_WRITTEN_AS_OF);
        Map<String, Target> targets = targets();
        String run = UUID.randomUUID().toString().substring(0, 8);
        // Emails are unique per account: each run of the journey signs up its own Mara and Jonas.
        real.put("mara@example.com", "mara-" + run + "@example.com");
        real.put("jonas@example.com", "jonas-" + run + "@example.com");
        int calls = 0;
        for (String entry : JOURNEY) {
            if (entry.startsWith(CLOCK)) {
                clock.setTo(Instant.parse(entry.substring(CLOCK.length())));
                continue;
            }
            Step step = step(entry);
            Target target = targets.get(step.operationId());
            Map<String, Example> examples = examples(target.operation());
            if (examples.isEmpty()) {
                call(target, step, null, null);
                calls++;
            } else {
                for (Map.Entry<String, Example> example : examples.entrySet()) {
                    if (step.example() == null || step.example().equals(example.getKey())) {
                        call(target, step, example.getKey(), example.getValue());
                        calls++;
                    }
                }
            }
        }
        assertTrue(
                failures.isEmpty(),
                failures.size() + " examples did not work as written:\n\n" + String.join("\n\n", failures));
        assertTrue(calls >= targets.size(), "every operation was called");
    }

    // ------------------------------------------------------------------------------------------------- one call

    private void call(Target target, Step step, String exampleName, Example example) throws Exception {
        Operation operation = target.operation();
        String what =
                operation.getOperationId() + (exampleName == null ? "" : "#" + exampleName) + " as " + step.actor();
        if (operation.getOperationId().equals("streamEvents")) {
            stream(target, what);
            return;
        }
        Map<String, String> path = new LinkedHashMap<>();
        Map<String, String> query = new LinkedHashMap<>();
        Map<String, String> headers = new LinkedHashMap<>();
        try {
            for (Parameter parameter : parameters(operation)) {
                Object value = parameter.getExample();
                switch (parameter.getIn()) {
                    case "path" -> path.put(parameter.getName(), fill(operation, parameter, value));
                    case "query" -> {
                        if (value != null && !parameter.getName().equals("cursor")) {
                            query.put(parameter.getName(), fill(operation, parameter, value));
                        }
                    }
                    case "header" -> header(parameter, path, target, headers);
                    default -> throw new AssertionError("a " + parameter.getIn() + " parameter");
                }
            }
        } catch (AssertionError e) {
            failures.add(what + ": " + e.getMessage());
            return;
        }
        String body;
        try {
            body = example == null ? null : body(operation, exampleName, example);
        } catch (AssertionError e) {
            failures.add(what + ": " + e.getMessage());
            return;
        }
        int expected = expected(operation, example);
        boolean paged = parameters(operation).stream().anyMatch(p -> p.getName().equals("cursor"));
        if (paged) {
            // The first page as small as can be, so that the example's cursor is a real one from it.
            Map<String, String> first = new LinkedHashMap<>(query);
            if (first.containsKey("limit")) {
                first.put("limit", "1");
            }
            Response page = send(target, step, path, first, headers, body, expected, what + " (first page)");
            String cursor = page == null ? null : page.jsonPath().getString("nextCursor");
            learn(step, exampleName, page, path);
            if (cursor == null) {
                return;
            }
            query.put("cursor", cursor);
        }
        Response response = send(target, step, path, query, headers, body, expected, what);
        learn(step, exampleName, response, path);
    }

    private Response send(
            Target target,
            Step step,
            Map<String, String> path,
            Map<String, String> query,
            Map<String, String> headers,
            String body,
            int expected,
            String what) {
        RequestSpecification request = switch (step.actor()) {
            case "anonymous" -> Api.anonymous();
            case "jonas" -> Api.withToken(jonas.accessToken);
            default -> Api.withToken(mara.accessToken);
        };
        request = request.pathParams(path).queryParams(query).headers(headers);
        if (body != null) {
            request = request.body(body);
        }
        Response response;
        try {
            response = request.request(target.method().name(), target.template());
        } catch (RuntimeException | AssertionError e) {
            failures.add(what + " broke the contract: " + e.getMessage() + "\n  body " + body);
            return null;
        }
        if (response.statusCode() != expected) {
            failures.add(what + ": " + response.statusCode() + " instead of " + expected + ": " + response.asString()
                    + "\n  path " + path + " query " + query + "\n  body " + body);
            return null;
        }
        String etag = response.getHeader("ETag");
        if (etag != null) {
            etags.put(resolved(target.template(), path), etag);
        }
        return response;
    }

    /** The operation's documented success, or the status an error illustration is marked with. */
    private static int expected(Operation operation, Example example) {
        if (example != null
                && example.getExtensions() != null
                && example.getExtensions().containsKey(EXPECT_STATUS)) {
            return ((Number) example.getExtensions().get(EXPECT_STATUS)).intValue();
        }
        if (SUCCESS.containsKey(operation.getOperationId())) {
            return SUCCESS.get(operation.getOperationId());
        }
        List<Integer> successes = operation.getResponses().keySet().stream()
                .filter(status -> status.startsWith("2"))
                .map(Integer::valueOf)
                .toList();
        assertEquals(1, successes.size(), operation.getOperationId() + " documents several successes: name one");
        return successes.get(0);
    }

    private void header(Parameter parameter, Map<String, String> path, Target target, Map<String, String> headers) {
        switch (parameter.getName()) {
            // Every retry-safe write of the journey is a new one: a fresh key each.
            case "Idempotency-Key" ->
                headers.put("Idempotency-Key", UUID.randomUUID().toString());
            case "If-Match" -> {
                String etag = etags.get(resolved(target.template(), path));
                if (etag != null) {
                    headers.put("If-Match", etag);
                }
            }
            // A 304 shows nothing of the example's operation: its If-None-Match is left out.
            case "If-None-Match" -> {}
            // The examples happen when they are sent: no client time of an earlier offline action.
            case "Occurred-At" -> {}
            default -> throw new AssertionError("no rule for the header " + parameter.getName());
        }
    }

    /** A live stream never ends: it is opened, with the example's Last-Event-ID, and must send its first comment. */
    private void stream(Target target, String what) throws Exception {
        Object lastEventId = parameters(target.operation()).stream()
                .filter(p -> p.getName().equals("Last-Event-ID"))
                .findFirst()
                .map(Parameter::getExample)
                .orElse(null);
        try (SseClient events = SseClient.connect(
                RestAssured.baseURI + ":" + RestAssured.port,
                mara.accessToken,
                lastEventId == null ? null : lastEventId.toString())) {
            if (events.status() != 200 || events.await("comment", Duration.ofSeconds(5)) == null) {
                failures.add(what + ": the stream answered " + events.status() + " without a heartbeat");
            }
        }
    }

    // ----------------------------------------------------------------------------------------------- placeholders

    private String fill(Operation operation, Parameter parameter, Object example) {
        if (example == null) {
            throw new AssertionError("the parameter " + parameter.getName() + " has no example");
        }
        if (example instanceof Collection<?> || (example instanceof JsonNode node && node.isArray())) {
            // An array parameter (form style, not exploded): its items, comma-separated.
            List<String> items = new ArrayList<>();
            JSON.valueToTree(example).forEach(item -> items.add(item.asText()));
            return String.join(",", items);
        }
        String value = example.toString();
        if (parameter.getName().equals("dueDate")) {
            return real.getOrDefault("dueDate", value);
        }
        if (looksLikePlaceholder(value)) {
            String filled = real.get(value);
            if (filled == null) {
                throw new AssertionError("no earlier answer gave a real value for " + parameter.getName() + " " + value
                        + " of " + operation.getOperationId());
            }
            return filled;
        }
        return real.getOrDefault(value, value);
    }

    /** Ids and codes stand for something that must exist; other values (a window, a kind, a date) are as written. */
    private static boolean looksLikePlaceholder(String value) {
        return value.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
                || value.matches("[A-Z0-9]{4}-[A-Z0-9]{4}");
    }

    private String body(Operation operation, String exampleName, Example example) throws Exception {
        JsonNode body = fill(JSON.valueToTree(example.getValue()));
        if (body.has("url")) {
            // The examples' receivers stand for the integrator's own; here a loopback one (the test profile allows
            // it), since no example host resolves in a test.
            ((ObjectNode) body).put("url", "http://127.0.0.1:9/examples/" + exampleName);
        }
        if (operation.getOperationId().equals("pushChanges")) {
            // A record the batch creates is new each time the example is tried; later mutations of the batch name it.
            Map<String, String> created = new HashMap<>();
            for (JsonNode mutation : body.path("mutations")) {
                ObjectNode change = (ObjectNode) mutation;
                // Client-chosen: a new mutation (and a new record) each time the example is tried.
                change.put("mutationId", UUID.randomUUID().toString());
                String op = change.path("op").asText();
                String id = change.path("id").asText();
                if (op.equals("create") || (op.equals("upsert") && !change.has("baseVersion"))) {
                    change.put(
                            "id",
                            created.computeIfAbsent(id, any -> UUID.randomUUID().toString()));
                } else if (created.containsKey(id)) {
                    change.put("id", created.get(id));
                } else if (change.has("baseVersion")) {
                    // The version the client holds of the record: the one the journey's earlier answers left.
                    change.put(
                            "baseVersion",
                            version(
                                    change.path("type").asText(),
                                    change.path("id").asText()));
                }
            }
        }
        return JSON.writeValueAsString(body);
    }

    private JsonNode fill(JsonNode node) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                field.setValue(fill(field.getValue()));
            }
        } else if (node.isArray()) {
            ArrayNode array = (ArrayNode) node;
            for (int i = 0; i < array.size(); i++) {
                array.set(i, fill(array.get(i)));
            }
        } else if (node.isTextual() && real.containsKey(node.asText())) {
            return TextNode.valueOf(real.get(node.asText()));
        }
        return node;
    }

    private long version(String type, String id) {
        String path = switch (type) {
            case "account" -> "/v1/me";
            case "partnership" -> "/v1/partnerships/" + id;
            default -> throw new AssertionError("no rule for the version of a " + type);
        };
        return Api.withToken(mara.accessToken)
                .when()
                .get(path)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("version");
    }

    /** What an answer tells the rest of the journey: the real values of the examples' placeholders. */
    private void learn(Step step, String exampleName, Response response, Map<String, String> path) {
        if (response == null) {
            return;
        }
        String at = step.operationId() + (exampleName == null ? "" : "#" + exampleName);
        JsonPath answer = response.asString().isEmpty() ? null : response.jsonPath();
        switch (at) {
            case "register#register" -> {
                real.put("3f2b8c1e-7a4d-4e6b-9c21-5d8f0a6b7e34", answer.getString("account.id"));
                tokens(mara, answer, "tokens.");
            }
            case "register#minimal" -> {
                real.put("b5c6d7e8-f9a0-4b1c-8d2e-3f4a5b6c7d8e", answer.getString("account.id"));
                tokens(jonas, answer, "tokens.");
            }
            case "login", "refresh" -> tokens(mara, answer, "");
            case "listSessions" -> {
                String other = answer.getString("items.find { !it.current }.id");
                if (other != null) {
                    real.put("6a7b8c9d-0e1f-4a2b-9c3d-4e5f6a7b8c9d", other);
                }
            }
            case "createInvitation#withMessage" -> real.put("K7QX-2MPA", answer.getString("code"));
            case "createInvitation#minimal" -> real.put("invitation#minimal", answer.getString("code"));
            case "acceptInvitation" -> {
                real.put("c4d5e6f7-a8b9-4c0d-9e1f-2a3b4c5d6e7f", answer.getString("id"));
                // The accepted invitation is gone: the one left to withdraw is the other.
                real.put("K7QX-2MPA", real.get("invitation#minimal"));
            }
            case "createIntegrationToken#calendar" ->
                real.put("2a3b4c5d-6e7f-4a8b-9c0d-1e2f3a4b5c6d", answer.getString("id"));
            case "createWebhook#calendar" -> real.put("1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d", answer.getString("id"));
            case "createCommitment#weekly" -> real.put("7b1e2c3d-4f5a-4b6c-8d7e-9f0a1b2c3d4e", answer.getString("id"));
            // The next Tuesday's occurrence (the first one's outcome is final once confirmed).
            case "confirmOutcome#confirm" -> real.put("dueDate", "2026-12-08");
            // The 2026-12-08 occurrence by its id, as sync gives it: pushChanges#offlineDay writes to it.
            case "recordOutcome#cancelled" -> real.put("9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a", answer.getString("id"));
            case "createRepairPlan#offline" -> {
                real.put("6b7c8d9e-0f1a-4b2c-9d3e-4f5a6b7c8d9e", answer.getString("id"));
                real.put("1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f", answer.getString("steps[0].id"));
                real.put("2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f6a", answer.getString("steps[1].id"));
                real.put("3e4f5a6b-7c8d-4e9f-8a1b-2c3d4e5f6a7b", answer.getString("steps[2].id"));
            }
            case "startCheckIn#scheduled" -> real.put("5f6a7b8c-9d0e-4f1a-8b2c-3d4e5f6a7b8c", answer.getString("id"));
            case "createMoment#appreciation" ->
                real.put("8e9f0a1b-2c3d-4e4f-9a5b-6c7d8e9f0a1b", answer.getString("id"));
            case "listWebhookDeliveries" ->
                real.put("7d8e9f0a-1b2c-4d3e-8f4a-5b6c7d8e9f0b", answer.getString("items[0].id"));
            // From here on, Mara's examples' password is her new one.
            case "changePassword#change" -> real.put("correct horse battery staple", "purple monkey dishwasher 42");
            case "pullChanges" -> real.put("djE6MTg0Mjo3YjJlOWQ0Yy5zaWc", answer.getString("nextCursor"));
            case "pushChanges#renamePartnership",
                    "pushChanges#changeTimeZone",
                    "pushChanges#createCommitment",
                    "pushChanges#offlineDay" -> {
                assertApplied(at, answer);
                etags.clear(); // a push changes records behind the ETags the journey last saw
            }
            default -> {}
        }
    }

    private void assertApplied(String at, JsonPath answer) {
        List<String> statuses = answer.getList("results.status");
        if (statuses.isEmpty() || !statuses.stream().allMatch("applied"::equals)) {
            failures.add(at + ": not every mutation applied: " + answer.prettify());
        }
    }

    private void tokens(Member member, JsonPath answer, String prefix) {
        member.accessToken = answer.getString(prefix + "accessToken");
        member.refreshToken = answer.getString(prefix + "refreshToken");
        if (member == mara) {
            real.put(REFRESH_TOKEN_EXAMPLE, member.refreshToken);
        }
    }

    /** The refresh token the contract's refresh example sends. */
    private static final String REFRESH_TOKEN_EXAMPLE = refreshTokenExample();

    // ---------------------------------------------------------------------------------------------------- contract

    private static String refreshTokenExample() {
        Operation refresh = targets().get("refresh").operation();
        JsonNode example =
                JSON.valueToTree(examples(refresh).values().iterator().next().getValue());
        return example.path("refreshToken").asText();
    }

    private static Step step(String entry) {
        String actor = "mara";
        int at = entry.indexOf('@');
        if (at >= 0) {
            actor = entry.substring(at + 1);
            entry = entry.substring(0, at);
        }
        int hash = entry.indexOf('#');
        return hash < 0
                ? new Step(entry, null, actor)
                : new Step(entry.substring(0, hash), entry.substring(hash + 1), actor);
    }

    private static String resolved(String template, Map<String, String> path) {
        String resolved = template;
        for (Map.Entry<String, String> parameter : path.entrySet()) {
            resolved = resolved.replace("{" + parameter.getKey() + "}", parameter.getValue());
        }
        return resolved;
    }

    /** The request-body examples of an operation, by name, in the contract's order. */
    private static Map<String, Example> examples(Operation operation) {
        Map<String, Example> examples = new LinkedHashMap<>();
        if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
            return examples;
        }
        for (Map.Entry<String, MediaType> media :
                operation.getRequestBody().getContent().entrySet()) {
            if (media.getValue().getExample() != null) {
                throw new AssertionError(operation.getOperationId() + ": name its example (examples:, not example:)");
            }
            if (media.getValue().getExamples() != null) {
                examples.putAll(media.getValue().getExamples());
            }
        }
        return examples;
    }

    private static List<Parameter> parameters(Operation operation) {
        return operation.getParameters() == null ? List.of() : operation.getParameters();
    }

    private static Map<String, Target> targets() {
        Map<String, Target> targets = new LinkedHashMap<>();
        for (Map.Entry<String, PathItem> path : CONTRACT.getPaths().entrySet()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> operation :
                    path.getValue().readOperationsMap().entrySet()) {
                targets.put(
                        operation.getValue().getOperationId(),
                        new Target(path.getKey(), operation.getKey(), operation.getValue()));
            }
        }
        return targets;
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
