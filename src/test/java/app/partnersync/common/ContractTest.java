package app.partnersync.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.partnersync.identity.IntegrationScope;
import app.partnersync.support.Api;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The committed contract is what runs: the service serves it unchanged, every JAX-RS method is an operation of it
 * (and the reverse, with operation ids equal to method names), and every operation documents itself fully.
 */
@QuarkusTest
class ContractTest {

    private static final java.nio.file.Path CLASSES = java.nio.file.Path.of("target", "classes");
    private static final List<Class<? extends Annotation>> VERBS =
            List.of(GET.class, POST.class, PUT.class, PATCH.class, DELETE.class, HEAD.class);

    @Test
    void theServedDocumentIsTheCommittedOne() throws IOException {
        JsonNode committed = new ObjectMapper(new YAMLFactory()).readTree(Api.CONTRACT.toFile());
        String served = RestAssured.given()
                .queryParam("format", "json")
                .when()
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .asString();

        List<String> differences = new ArrayList<>();
        diff("", committed, new ObjectMapper().readTree(served), differences);
        assertTrue(
                differences.isEmpty(),
                "served /q/openapi differs from openapi/partner-sync.yaml at:\n" + String.join("\n", differences));
    }

    private static void diff(String pointer, JsonNode expected, JsonNode actual, List<String> differences) {
        if (expected.isObject() && actual.isObject()) {
            java.util.Set<String> names = new java.util.TreeSet<>();
            expected.fieldNames().forEachRemaining(names::add);
            actual.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                JsonNode left = expected.get(name);
                JsonNode right = actual.get(name);
                if (left == null || right == null) {
                    differences.add(pointer + "/" + name + (left == null ? " (only served)" : " (only committed)"));
                } else {
                    diff(pointer + "/" + name, left, right, differences);
                }
            }
        } else if (expected.isArray() && actual.isArray() && expected.size() == actual.size()) {
            for (int i = 0; i < expected.size(); i++) {
                diff(pointer + "/" + i, expected.get(i), actual.get(i), differences);
            }
        } else if (!expected.equals(actual)) {
            differences.add(pointer + ": committed " + expected + ", served " + actual);
        }
    }

    @Test
    void everyProblemTypeIsDocumented() throws IOException {
        String contract = Files.readString(Api.CONTRACT);
        for (ProblemType type : ProblemType.values()) {
            assertTrue(
                    contract.contains("| `" + type.uri() + "` | " + type.status() + " |"),
                    type + " is in the contract's problem table");
        }
    }

    @Test
    void swaggerUiIsServed() {
        RestAssured.given().when().get("/q/swagger-ui/").then().statusCode(200).contentType("text/html");
    }

    @Test
    void everyResourceMethodIsAContractOperationAndViceVersa() throws IOException {
        // Each operation with its integration scope: the contract's x-integration-scope is the code's
        // @IntegrationScope.
        Map<String, String> contract = new TreeMap<>();
        contract()
                .getPaths()
                .forEach((path, item) -> item.readOperationsMap().forEach((verb, operation) -> {
                    Object scope = operation.getExtensions() == null
                            ? null
                            : operation.getExtensions().get("x-integration-scope");
                    contract.put(
                            verb.name() + " " + path,
                            operation.getOperationId() + " scope=" + (scope == null ? "-" : scope));
                }));

        assertEquals(contract, implemented());
    }

    @Test
    void everyOperationIsFullyDocumented() {
        List<String> gaps = new ArrayList<>();
        contract()
                .getPaths()
                .forEach((path, item) -> item.readOperationsMap().forEach((verb, operation) -> {
                    String where = verb + " " + path + ": ";
                    if (blank(operation.getOperationId())) gaps.add(where + "operationId");
                    if (blank(operation.getSummary())) gaps.add(where + "summary");
                    if (blank(operation.getDescription())) gaps.add(where + "description");
                    if (operation.getTags() == null || operation.getTags().isEmpty()) gaps.add(where + "tags");
                    if (operation.getSecurity() == null) gaps.add(where + "explicit security");
                    boolean secured = !operation.getSecurity().isEmpty();
                    required(operation, "500", where, gaps);
                    if (secured) required(operation, "401", where, gaps);
                    if (operation.getRequestBody() != null) {
                        required(operation, "400", where, gaps);
                        required(operation, "415", where, gaps);
                        operation.getRequestBody().getContent().forEach((type, media) -> {
                            if (!hasExample(media)) gaps.add(where + "request example for " + type);
                        });
                    }
                    operation
                            .getResponses()
                            .forEach((status, response) -> checkResponse(where + status + " ", status, response, gaps));
                }));

        assertTrue(gaps.isEmpty(), "contract gaps:\n" + String.join("\n", gaps));
    }

    private static void checkResponse(String where, String status, ApiResponse response, List<String> gaps) {
        if (response.getHeaders() == null || !response.getHeaders().containsKey("X-Request-Id")) {
            gaps.add(where + "X-Request-Id header");
        }
        if (response.getContent() == null) {
            if (!status.equals("204") && !status.equals("304")) gaps.add(where + "content");
            return;
        }
        response.getContent().forEach((type, media) -> {
            if (!hasExample(media)) gaps.add(where + "example for " + type);
            if (status.startsWith("4") || status.startsWith("5")) {
                if (!type.equals("application/problem+json"))
                    gaps.add(where + "errors must be application/problem+json, not " + type);
                if (media.getSchema() == null
                        || media.getSchema().getProperties() == null
                        || !media.getSchema()
                                .getProperties()
                                .keySet()
                                .containsAll(List.of("type", "title", "status", "detail"))) {
                    gaps.add(where + "problem schema");
                }
            }
        });
    }

    private static void required(Operation operation, String status, String where, List<String> gaps) {
        if (!operation.getResponses().containsKey(status)) gaps.add(where + status + " response");
    }

    private static boolean hasExample(MediaType media) {
        return media.getExample() != null
                || (media.getExamples() != null && !media.getExamples().isEmpty());
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static OpenAPI contract() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true);
        var result = new OpenAPIV3Parser().readLocation(Api.CONTRACT.toUri().toString(), null, options);
        assertTrue(
                result.getMessages() == null || result.getMessages().isEmpty(),
                "contract parses cleanly: " + result.getMessages());
        return result.getOpenAPI();
    }

    /** "VERB /path" to Java method name, for every JAX-RS resource method compiled from src/main. */
    private static Map<String, String> implemented() throws IOException {
        Map<String, String> operations = new TreeMap<>();
        List<java.nio.file.Path> classFiles;
        try (Stream<java.nio.file.Path> files = Files.walk(CLASSES)) {
            classFiles = files.filter(f -> f.toString().endsWith(".class")).toList();
        }
        for (java.nio.file.Path file : classFiles) {
            String name = CLASSES.relativize(file)
                    .toString()
                    .replace(java.io.File.separatorChar, '.')
                    .replaceAll("\\.class$", "");
            Class<?> type;
            try {
                type = Class.forName(name, false, ContractTest.class.getClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                continue;
            }
            Path root = type.getAnnotation(Path.class);
            if (root == null || type.isInterface()) {
                continue;
            }
            for (Method method : type.getDeclaredMethods()) {
                for (Class<? extends Annotation> verb : VERBS) {
                    if (method.isAnnotationPresent(verb)) {
                        Path sub = method.getAnnotation(Path.class);
                        String path = join(root.value(), sub == null ? "" : sub.value());
                        IntegrationScope scope = method.getAnnotation(IntegrationScope.class);
                        operations.put(
                                verb.getSimpleName() + " " + path,
                                method.getName() + " scope=" + (scope == null ? "-" : scope.value()));
                    }
                }
            }
        }
        return operations;
    }

    private static String join(String root, String sub) {
        String path = ("/" + root + "/" + sub).replaceAll("/+", "/");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
