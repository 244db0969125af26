package app.partnersync.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.partnersync.support.Accounts;
import app.partnersync.support.Api;
import app.partnersync.support.ContractRequests;
import app.partnersync.support.FuzzFixtures;
import app.partnersync.support.SignedIn;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Schema fuzzing: requests drawn from the contract ({@link ContractRequests}), valid ones and ones that break exactly
 * one constraint, spread over every operation. No answer is a 5xx or a status the operation does not document, no
 * valid request is refused with 400 or 422, no invalid one is accepted, and every answer matches the contract.
 * {@code -Dfuzz.requests=N} sets how many (default 5,000), {@code -Dfuzz.seed=S} replays a run.
 */
@QuarkusTest
@TestProfile(SchemaFuzzTest.Fast.class)
class SchemaFuzzTest {

    /**
     * Thousands of sign-ups, logins and password changes: with the production bcrypt cost (about 90 ms a hash, more
     * on a busy machine) they alone would take minutes, and hashing cost is not what this test is about. Rate limits
     * off (RateLimitTest tests them), as thousands of requests come from one address and a few accounts.
     */
    public static class Fast implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            String off = "100000000";
            return Map.of(
                    "partnersync.auth.bcrypt-cost", "4",
                    "partnersync.rate-limits.writes-per-account", off,
                    "partnersync.rate-limits.writes-per-ip", off,
                    "partnersync.rate-limits.logins-per-ip", off,
                    "partnersync.rate-limits.logins-per-email", off,
                    "partnersync.rate-limits.refreshes-per-ip", off,
                    "partnersync.rate-limits.refreshes-per-account", off,
                    "partnersync.rate-limits.invitation-attempts-per-ip", off);
        }
    }

    private static final int REQUESTS = Integer.getInteger("fuzz.requests", 5_000);
    private static final long SEED = Long.getLong("fuzz.seed", new SecureRandom().nextLong());

    /** A server-sent event stream never ends: the fuzzer cannot wait for its answer. */
    private static final Set<String> SKIPPED = Set.of("streamEvents");

    /** Invitation previews and accepts are limited per account (30 per 15 minutes): a new pair this often. */
    private static final Set<String> LIMITED = Set.of("previewInvitation", "acceptInvitation");

    private static final int LIMITED_REQUESTS_PER_PAIR = 16;
    private static final int FAILURES_SHOWN = 25;
    private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");

    private record Target(String template, PathItem.HttpMethod method, Operation operation) {}

    private final List<String> failures = new ArrayList<>();
    private final Map<String, Long> timings = new LinkedHashMap<>();
    /** How the service answered, by kind of request: a run that only ever saw 401s would prove nothing. */
    private final Map<String, Map<Integer, Integer>> answers = new TreeMap<>();

    @Test
    void everyOperationAnswersValidAndMutatedRequestsAsTheContractSays() {
        System.out.printf("Schema fuzzer: %d requests, seed %d (replay with -Dfuzz.seed=%d)%n", REQUESTS, SEED, SEED);
        List<Target> targets = targets();
        Random random = new Random(SEED);
        long started = System.nanoTime();
        int sent = 0;
        for (int i = 0; i < targets.size(); i++) {
            int share = REQUESTS / targets.size() + (i < REQUESTS % targets.size() ? 1 : 0);
            long before = System.nanoTime();
            sent += fuzz(targets.get(i), share, random);
            timings.put(targets.get(i).operation().getOperationId(), (System.nanoTime() - before) / 1_000_000L);
        }
        System.out.printf(
                "Schema fuzzer: %d requests over %d operations in %d s, %d failures%n",
                sent, targets.size(), (System.nanoTime() - started) / 1_000_000_000L, failures.size());
        System.out.println("Schema fuzzer: slowest operations (ms) "
                + timings.entrySet().stream()
                        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                        .limit(12)
                        .toList());
        System.out.println("Schema fuzzer: answers " + answers);
        writeReport();
        assertTrue(
                failures.isEmpty(),
                failures.size() + " answers broke the contract (seed " + SEED + ", replay with -Dfuzz.seed=" + SEED
                        + "); the first ones:\n\n"
                        + String.join("\n\n", failures.subList(0, Math.min(FAILURES_SHOWN, failures.size()))));
        assertEquals(REQUESTS, sent);
        assertTrue(
                answers.get("valid").getOrDefault(401, 0) < sent / 100,
                "valid requests should reach the resources, not stop at authentication: " + answers);
    }

    /** Records a failure, and prints it at once so that a long run's log shows it even if the run is cut short. */
    private void fail(String failure) {
        failures.add(failure);
        System.out.println("Schema fuzzer failure (seed " + SEED + "): " + failure);
    }

    /** Every failure, not only the first ones the assertion shows, in target/schema-fuzz-failures.txt. */
    private void writeReport() {
        try {
            Files.write(
                    Path.of("target", "schema-fuzz-failures.txt"),
                    ("seed " + SEED + "\n\n" + String.join("\n\n", failures)).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int fuzz(Target target, int requests, Random random) {
        String operationId = target.operation().getOperationId();
        FuzzFixtures fixtures = new FuzzFixtures(operationId);
        ContractRequests contract = new ContractRequests(random, fixtures::value);
        for (int k = 0; k < requests; k++) {
            if (LIMITED.contains(operationId) && k > 0 && k % LIMITED_REQUESTS_PER_PAIR == 0) {
                fixtures.reset();
            }
            ObjectNode body = contract.validBody(target.operation());
            pin(operationId, body, fixtures);
            Map<String, String> query = contract.validQuery(target.operation());
            ContractRequests.Draft draft =
                    random.nextBoolean() ? contract.mutate(target.operation(), body, query) : null;
            if (draft == null) {
                draft = new ContractRequests.Draft(query, Map.of(), body == null ? null : body.toString(), null);
            }
            Response response = send(target, draft, fixtures);
            if (response != null && draft.valid() && response.statusCode() / 100 == 2) {
                usedUp(operationId, fixtures, response);
            }
        }
        return requests;
    }

    /** Credentials and tokens in a body must be the caller's own for the request to mean anything. */
    private static void pin(String operationId, ObjectNode body, FuzzFixtures fixtures) {
        if (body == null) {
            return;
        }
        SignedIn caller = fixtures.caller();
        switch (operationId) {
            case "login" -> body.put("email", caller.email()).put("password", caller.password());
            case "refresh" -> body.put("refreshToken", caller.refreshToken());
            case "deleteMe" -> body.put("password", caller.password());
            case "changePassword" -> body.put("currentPassword", caller.password());
            case "startCheckIn" -> {
                String kind = body.path("kind").asText();
                if (body.has("scheduledFor") && !kind.equals("ad_hoc")) {
                    body.put("scheduledFor", fixtures.value("start:" + kind));
                }
            }
            default -> {}
        }
    }

    /** A successful request that used its fixture up (deleted, revoked, accepted, ended it) gets a new one. */
    private static void usedUp(String operationId, FuzzFixtures fixtures, Response response) {
        SignedIn caller = fixtures.caller();
        switch (operationId) {
            case "deleteCommitment" -> fixtures.forget("commitmentId");
            case "deleteWebhook" -> fixtures.forget("webhookId", "deliveryId");
            case "revokeSession", "revokeOtherSessions" -> fixtures.forget("sessionId");
            case "revokeIntegrationToken" -> fixtures.forget("tokenId");
            case "withdrawInvitation", "acceptInvitation" -> fixtures.forget("invitationKey");
            case "closeCheckIn" -> fixtures.forget("checkInId");
            case "endPartnership" -> fixtures.forgetPartnership();
            case "deleteMe" -> fixtures.reset();
            case "logout" -> fixtures.callerIs(Accounts.login(caller, "Fuzz"));
            case "refresh" -> {
                JsonPath tokens = response.jsonPath();
                fixtures.callerIs(caller.withTokens(tokens.getString("accessToken"), tokens.getString("refreshToken")));
            }
            default -> {}
        }
    }

    private Response send(Target target, ContractRequests.Draft draft, FuzzFixtures fixtures) {
        Operation operation = target.operation();
        boolean secured =
                operation.getSecurity() == null || !operation.getSecurity().isEmpty();
        Map<String, String> path = pathValues(target.template(), draft, fixtures);
        String changedPassword = null;
        RequestSpecification request = draft.valid() ? Api.anonymous() : Api.invalid();
        if (secured) {
            request = request.header(Api.bearer(fixtures.caller().accessToken()));
        }
        request = request.pathParams(path).queryParams(draft.query());
        if (draft.body() != null) {
            request = request.body(draft.body());
            if (operation.getOperationId().equals("changePassword") && draft.valid()) {
                changedPassword = JsonPath.from(draft.body()).getString("newPassword");
            }
        }
        String described = describe(operation, draft, target.method(), target.template() + " " + path);
        Response response;
        try {
            response = request.request(target.method().name(), target.template());
        } catch (RuntimeException | AssertionError e) {
            fail(described + "\n  -> the exchange broke the contract: " + e.getMessage());
            return null;
        }
        judge(operation, draft, described, response);
        if (changedPassword != null && response.statusCode() == 204) {
            SignedIn caller = fixtures.caller();
            fixtures.callerIs(Accounts.login(
                    new SignedIn(caller.accountId(), caller.email(), changedPassword, null, null), "Fuzz"));
        }
        return response;
    }

    private void judge(Operation operation, ContractRequests.Draft draft, String described, Response response) {
        int status = response.statusCode();
        answers.computeIfAbsent(draft.valid() ? "valid" : "mutated", kind -> new TreeMap<>())
                .merge(status, 1, Integer::sum);
        Set<String> documented = operation.getResponses().keySet();
        String verdict = null;
        if (status >= 500) {
            verdict = "a server error";
        } else if (!documented.contains(Integer.toString(status)) && !documented.contains("default")) {
            verdict = "a status the contract does not document for " + operation.getOperationId() + " " + documented;
        } else if (draft.valid() && (status == 400 || status == 422)) {
            verdict = "a valid request refused";
        } else if (!draft.valid() && status / 100 == 2) {
            verdict = "an invalid request accepted";
        }
        if (verdict != null) {
            fail(described + "\n  -> " + status + ", " + verdict + ": " + abbreviate(response.asString()));
        }
    }

    private static String describe(
            Operation operation, ContractRequests.Draft draft, PathItem.HttpMethod method, String path) {
        return operation.getOperationId() + " [" + (draft.valid() ? "valid" : "mutated: " + draft.mutation()) + "] "
                + method + " " + path + (draft.query().isEmpty() ? "" : " query " + draft.query())
                + (draft.body() == null ? "" : "\n  body " + abbreviate(draft.body()));
    }

    /** At most 1,500 code points (never half a surrogate pair, so that the report stays valid UTF-8). */
    private static String abbreviate(String text) {
        int codePoints = text.codePointCount(0, text.length());
        return codePoints <= 1500
                ? text
                : text.substring(0, text.offsetByCodePoints(0, 1500)) + "… (" + codePoints + " code points)";
    }

    /** The values of the path's parameters: fixtures, or the draft's (broken) ones. */
    private static Map<String, String> pathValues(
            String template, ContractRequests.Draft draft, FuzzFixtures fixtures) {
        Map<String, String> values = new LinkedHashMap<>();
        Matcher parameters = PARAMETER.matcher(template);
        while (parameters.find()) {
            String name = parameters.group(1);
            values.put(name, draft.path().containsKey(name) ? draft.path().get(name) : fixtures.value(name));
        }
        return values;
    }

    private static List<Target> targets() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true);
        OpenAPI contract = new OpenAPIV3Parser()
                .readLocation(Api.CONTRACT.toUri().toString(), null, options)
                .getOpenAPI();
        List<Target> targets = new ArrayList<>();
        for (Map.Entry<String, PathItem> path : contract.getPaths().entrySet()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> operation :
                    path.getValue().readOperationsMap().entrySet()) {
                if (!SKIPPED.contains(operation.getValue().getOperationId())) {
                    targets.add(new Target(path.getKey(), operation.getKey(), operation.getValue()));
                }
            }
        }
        return targets;
    }
}
