package app.partnersync.common;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import app.partnersync.support.Accounts;
import app.partnersync.support.Api;
import app.partnersync.support.SignedIn;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

/** Failures raised by the framework rather than by our code still answer RFC 9457 problems, and leak nothing. */
@QuarkusTest
class ErrorsTest {

    private static final String PROBLEMS = "https://partner-sync.app/problems/";

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
        RestAssured.given()
                .header("Authorization", "Bearer " + account.accessToken())
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
        Api.invalid()
                .header("Authorization", "Bearer " + account.accessToken())
                .body("{\"displayName\": 5}")
                .when()
                .patch("/v1/me")
                .then()
                .statusCode(400)
                .body("type", equalTo(PROBLEMS + "malformed-request"))
                .body("errors[0].field", equalTo("displayName"));
        Api.invalid()
                .header("Authorization", "Bearer " + account.accessToken())
                .body("{\"displayName\": \"A\", \"displayName\": \"B\"}")
                .when()
                .patch("/v1/me")
                .then()
                .statusCode(400)
                .body("type", equalTo(PROBLEMS + "malformed-request"));
        Api.as(account).when().get("/v1/me").then().body("version", equalTo(0));
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
