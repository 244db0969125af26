package app.partnersync.common;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import app.partnersync.support.Accounts;
import app.partnersync.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

/** Security headers on every kind of response, and CORS closed unless an operator opens it. */
@QuarkusTest
class SecurityHeadersTest {

    @Test
    void everyResponseCarriesTheSecurityHeaders() {
        apiHeaders(Api.as(Accounts.signedIn()).when().get("/v1/me").then().statusCode(200));
        apiHeaders(Api.invalid().when().get("/v1/me").then().statusCode(401));
        apiHeaders(Api.invalidWithToken("not-a-jwt").when().get("/v1/me").then().statusCode(401));
        apiHeaders(Api.invalid()
                .body("{not json")
                .when()
                .post("/v1/auth/login")
                .then()
                .statusCode(400));
        commonHeaders(RestAssured.given().when().get("/q/health/ready").then().statusCode(200))
                .header("Content-Security-Policy", nullValue());
    }

    @Test
    void aCrossOriginCallGetsNoCorsGrant() {
        RestAssured.given()
                .header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization")
                .when()
                .options("/v1/me")
                .then()
                .header("Access-Control-Allow-Origin", nullValue())
                .header("Access-Control-Allow-Credentials", nullValue());
        Api.as(Accounts.signedIn())
                .header("Origin", "https://evil.example")
                .when()
                .get("/v1/me")
                .then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", nullValue());
    }

    private static ValidatableResponse apiHeaders(ValidatableResponse response) {
        return commonHeaders(response)
                .header("Content-Security-Policy", equalTo("default-src 'none'; frame-ancestors 'none'"));
    }

    private static ValidatableResponse commonHeaders(ValidatableResponse response) {
        return response.header("X-Content-Type-Options", equalTo("nosniff"))
                .header("X-Frame-Options", equalTo("DENY"))
                .header("Referrer-Policy", equalTo("no-referrer"))
                .header("Strict-Transport-Security", equalTo("max-age=31536000; includeSubDomains"));
    }
}
