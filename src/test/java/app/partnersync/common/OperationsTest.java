package app.partnersync.common;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import app.partnersync.support.Accounts;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

/** Liveness, readiness (with the database) and Prometheus metrics for whoever runs the service. */
@QuarkusTest
class OperationsTest {

    @Test
    void livenessAndReadinessAreUp() {
        RestAssured.given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        RestAssured.given()
                .when()
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Database connections health check")));
    }

    @Test
    void metricsArePrometheusText() {
        Accounts.signedIn();
        RestAssured.given()
                .accept("text/plain")
                .when()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .contentType(containsString("text/plain"))
                .body(containsString("http_server_requests_seconds_count"))
                .body(containsString("jvm_memory_used_bytes"));
    }
}
