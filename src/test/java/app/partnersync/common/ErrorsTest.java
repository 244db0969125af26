package app.partnersync.common;

import static app.partnersync.support.Problems.PROBLEMS;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import app.partnersync.support.Accounts;
import app.partnersync.support.Api;
import app.partnersync.support.Pairs;
import app.partnersync.support.SignedIn;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** Failures raised by the framework rather than by our code still answer RFC 9457 problems, and leak nothing. */
@QuarkusTest
class ErrorsTest {

    /** The head of a login request up to its length headers, for the raw requests that exceed the body limit. */
    private static final String LOGIN_HEAD =
            "POST /v1/auth/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n";

    @Test
    void unknownRoutesAreNotFoundProblems() {
        for (String path : new String[] {"/v1/nope", "/nope", "/v1/me/sessions/x/y"}) {
            RestAssured.given()
                    .when()
                    .get(path)
                    .then()
                    .statusCode(404)
                    .contentType("application/problem+json")
                    .body("type", equalTo(PROBLEMS + "not-found"))
                    .body("status", equalTo(404))
                    .body("correlationId", notNullValue());
        }
    }

    @Test
    void anUnsupportedMethodIsAProblem() {
        SignedIn account = Accounts.signedIn();
        Api.uncheckedAs(account)
                .when()
                .put("/v1/me")
                .then()
                .statusCode(405)
                .contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "method-not-allowed"));
    }

    @Test
    void aBodyThatIsNotJsonIsAProblem() {
        Api.invalid()
                .contentType("text/plain")
                .body("email=a@b.c")
                .when()
                .post("/v1/auth/login")
                .then()
                .statusCode(415)
                .body("type", equalTo(PROBLEMS + "unsupported-media-type"));
    }

    /**
     * A declared body above the limit is answered from its headers alone, as a problem, before the body is sent (a raw
     * socket, so that the client does not fail writing the body the service will never read).
     */
    @Test
    void aBodyAboveTheLimitIsA413Problem() throws Exception {
        long limit = maxBodySize();
        String response;
        try (Socket socket = rawConnection()) {
            OutputStream out = socket.getOutputStream();
            out.write((LOGIN_HEAD + "Content-Length: " + (limit + 1) + "\r\n\r\n{\"email\": \"")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            response = readOneResponse(socket.getInputStream());
            org.junit.jupiter.api.Assertions.assertEquals(
                    -1, socket.getInputStream().read(), "the service closes the connection after the 413");
        }
        String[] parts = response.split("\r\n\r\n", 2);
        org.junit.jupiter.api.Assertions.assertTrue(parts[0].startsWith("HTTP/1.1 413"), parts[0]);
        org.junit.jupiter.api.Assertions.assertTrue(
                parts[0].toLowerCase(java.util.Locale.ROOT).contains("content-type: application/problem+json"),
                parts[0]);
        io.restassured.path.json.JsonPath problem = io.restassured.path.json.JsonPath.from(parts[1]);
        org.junit.jupiter.api.Assertions.assertEquals(PROBLEMS + "payload-too-large", problem.getString("type"));
        org.junit.jupiter.api.Assertions.assertEquals(413, problem.getInt("status"));
        org.junit.jupiter.api.Assertions.assertEquals("/v1/auth/login", problem.getString("instance"));
    }

    @Test
    void aChunkedBodyThatGrowsPastTheLimitIsA413Problem() throws Exception {
        long limit = maxBodySize();
        String response;
        try (Socket socket = rawConnection()) {
            OutputStream out = socket.getOutputStream();
            out.write((LOGIN_HEAD + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[64 * 1024];
            java.util.Arrays.fill(chunk, (byte) ' ');
            byte[] size = (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            long sent = 0;
            try {
                // The service stops reading at the limit; a client that goes on writing then meets a closed door.
                while (sent <= limit + chunk.length) {
                    out.write(size);
                    out.write(chunk);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    sent += chunk.length;
                }
                out.flush();
            } catch (java.io.IOException closedWhileWriting) {
                // expected once the answer is out
            }
            response = readOneResponse(socket.getInputStream());
        }
        String[] parts = response.split("\r\n\r\n", 2);
        org.junit.jupiter.api.Assertions.assertTrue(parts[0].startsWith("HTTP/1.1 413"), parts[0]);
        io.restassured.path.json.JsonPath problem = io.restassured.path.json.JsonPath.from(parts[1]);
        org.junit.jupiter.api.Assertions.assertEquals(PROBLEMS + "payload-too-large", problem.getString("type"));
    }

    private static long maxBodySize() {
        return ConfigProvider.getConfig()
                .getValue("quarkus.http.limits.max-body-size", io.quarkus.runtime.configuration.MemorySize.class)
                .asLongValue();
    }

    /** A raw connection to the service, for bodies REST Assured cannot send: it would fail writing what is refused. */
    private static Socket rawConnection() throws java.io.IOException {
        Socket socket = new Socket("127.0.0.1", RestAssured.port);
        socket.setSoTimeout(10_000);
        return socket;
    }

    /** One HTTP/1.1 response with a Content-Length body, without waiting for the connection to close. */
    private static String readOneResponse(java.io.InputStream in) throws java.io.IOException {
        java.io.ByteArrayOutputStream head = new java.io.ByteArrayOutputStream();
        int last4 = 0;
        for (int b = in.read(); b >= 0; b = in.read()) {
            head.write(b);
            last4 = (last4 << 8) | b;
            if (last4 == 0x0d0a0d0a) {
                break;
            }
        }
        String headers = head.toString(StandardCharsets.US_ASCII);
        java.util.regex.Matcher length =
                java.util.regex.Pattern.compile("(?i)content-length:\\s*(\\d+)").matcher(headers);
        byte[] body = in.readNBytes(length.find() ? Integer.parseInt(length.group(1)) : 0);
        return headers + new String(body, StandardCharsets.UTF_8);
    }

    @Test
    void jsonNestedTooDeepIsAMalformedRequest() {
        // Jackson's StreamReadConstraints stop at 500 levels (2.21), long before the stack could overflow.
        Api.invalid()
                .body("{\"email\": " + "[".repeat(5_000) + "]".repeat(5_000) + "}")
                .when()
                .post("/v1/auth/login")
                .then()
                .statusCode(400)
                .body("type", equalTo(PROBLEMS + "malformed-request"))
                .body(not(containsString("com.fasterxml")));
    }

    @Test
    void aBodyWithinTheLimitIsRead() {
        // Just under a megabyte of JSON: read and refused for its content, not its size.
        Api.invalid()
                .body("{\"email\": \"" + "a".repeat(1_000_000) + "@example.test\", \"password\": \"x\"}")
                .when()
                .post("/v1/auth/login")
                .then()
                .statusCode(400)
                .body("type", equalTo(PROBLEMS + "validation-failed"));
    }

    @Test
    void malformedJsonIsAProblemWithoutInternals() {
        Api.invalid()
                .body("{\"email\": \"a@b.c\", \"password\": ")
                .when()
                .post("/v1/auth/login")
                .then()
                .statusCode(400)
                .body("type", equalTo(PROBLEMS + "malformed-request"))
                .body(not(containsString("com.fasterxml")))
                .body(not(containsString("app.partnersync")))
                .body(not(containsString("Exception")));
    }

    @Test
    void aValueOfTheWrongTypeNamesTheField() {
        Api.invalid()
                .body("{\"email\": [\"a@b.c\"], \"password\": \"x\"}")
                .when()
                .post("/v1/auth/login")
                .then()
                .statusCode(400)
                .body("type", equalTo(PROBLEMS + "malformed-request"))
                .body("errors[0].field", equalTo("email"))
                .body(not(containsString("app.partnersync")));
    }

    @Test
    void scalarsAreNotCoercedAndDuplicateKeysAreRefused() {
        SignedIn account = Accounts.signedIn();
        Api.invalidAs(account)
                .body("{\"displayName\": 5}")
                .when()
                .patch("/v1/me")
                .then()
                .statusCode(400)
                .body("type", equalTo(PROBLEMS + "malformed-request"))
                .body("errors[0].field", equalTo("displayName"));
        Api.invalidAs(account)
                .body("{\"displayName\": \"A\", \"displayName\": \"B\"}")
                .when()
                .patch("/v1/me")
                .then()
                .statusCode(400)
                .body("type", equalTo(PROBLEMS + "malformed-request"));
        Api.as(account).when().get("/v1/me").then().body("version", equalTo(0));
    }

    /** Found by the schema fuzzer: Jackson read 1.5 as the integer 1, and an epoch number as an instant. */
    @Test
    void aFractionIsNoIntegerAndANumberIsNoInstantOrDate() {
        SignedIn account = Accounts.signedIn();
        Api.invalidAs(account)
                .body("{\"name\": \"Bridge\", \"scopes\": [\"profile:read\"], \"expiresAt\": 1900000000}")
                .when()
                .post("/v1/me/tokens")
                .then()
                .statusCode(400)
                .body("type", equalTo(PROBLEMS + "malformed-request"))
                .body("errors[0].field", equalTo("expiresAt"));
        Pairs.Pair pair = Pairs.aPartnership();
        Api.invalidAs(pair.inviter())
                .body("{\"kind\": \"cool_off\", \"minutes\": 10.5}")
                .when()
                .post("/v1/partnerships/{id}/moments", pair.partnershipId())
                .then()
                .statusCode(400)
                .body("type", equalTo(PROBLEMS + "malformed-request"))
                .body("errors[0].field", equalTo("minutes"));
        Api.invalidAs(pair.inviter())
                .body("{\"title\": \"Bins\", \"promisedBy\": [\""
                        + pair.inviter().accountId()
                        + "\"], \"recurrence\": {\"frequency\": \"daily\", \"time\": \"20:00\", "
                        + "\"startsOn\": [2030, 6, 1]}}")
                .when()
                .post("/v1/partnerships/{id}/commitments", pair.partnershipId())
                .then()
                .statusCode(400)
                .body("type", equalTo(PROBLEMS + "malformed-request"));
    }

    /** Found by the schema fuzzer: a cursor of 512 emoji (within the contract's maxLength) was answered 414. */
    @Test
    void aQueryAsLongAsTheContractAllowsIsRead() {
        SignedIn account = Accounts.signedIn();
        String cursor = "\uD83D\uDE00".repeat(512);
        Api.as(account)
                .queryParam("cursor", cursor)
                .when()
                .get("/v1/me/sessions")
                .then()
                .statusCode(400)
                .body("type", equalTo(PROBLEMS + "validation-failed"))
                .body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void aMissingBodyIsAValidationProblem() {
        Api.invalid()
                .when()
                .post("/v1/auth/login")
                .then()
                .statusCode(400)
                .body("type", equalTo(PROBLEMS + "validation-failed"))
                .body("errors[0].field", equalTo("body"));
    }

    @Test
    void anUnexpectedFailureRevealsOnlyACorrelationId() {
        String body = RestAssured.given()
                .header("X-Request-Id", "boom-1")
                .when()
                .get("/test-support/explode")
                .then()
                .statusCode(500)
                .contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "internal-error"))
                .body("correlationId", equalTo("boom-1"))
                .extract()
                .asString();
        for (String leak : new String[] {"secret", "hunter2", "jdbc", "IllegalStateException", "at app.", "java."}) {
            org.junit.jupiter.api.Assertions.assertFalse(body.contains(leak), "500 body leaks " + leak + ": " + body);
        }
    }

    @Test
    void aSaneRequestIdIsEchoedAndRepeatedInProblems() {
        Api.invalid()
                .header("X-Request-Id", "trace-42")
                .when()
                .get("/v1/me")
                .then()
                .statusCode(401)
                .header("X-Request-Id", "trace-42")
                .body("correlationId", equalTo("trace-42"));
        Api.invalid()
                .header("X-Request-Id", "bad id with spaces\u00e9")
                .when()
                .get("/v1/me")
                .then()
                .statusCode(401)
                .header("X-Request-Id", not(containsString(" ")));
    }
}
