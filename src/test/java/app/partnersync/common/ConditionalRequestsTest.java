package app.partnersync.common;

import static app.partnersync.support.Problems.PROBLEMS;
import static org.hamcrest.Matchers.equalTo;

import app.partnersync.support.Accounts;
import app.partnersync.support.Api;
import app.partnersync.support.Pairs;
import app.partnersync.support.SignedIn;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** ETag on every single record; If-None-Match answers 304, a stale If-Match 412 with the current record. */
@QuarkusTest
class ConditionalRequestsTest {

    @Test
    void theAccountCarriesItsVersionAsETag() {
        SignedIn me = Accounts.signedIn();

        Api.as(me).when().get("/v1/me").then().statusCode(200).header("ETag", "\"v0\"");
        Api.as(me)
                .header("If-None-Match", "\"v0\"")
                .when()
                .get("/v1/me")
                .then()
                .statusCode(304)
                .header("ETag", "\"v0\"");

        Api.as(me)
                .header("If-Match", "\"v0\"")
                .body(Map.of("displayName", "First"))
                .when()
                .patch("/v1/me")
                .then()
                .statusCode(200)
                .header("ETag", "\"v1\"");
        Api.as(me)
                .header("If-None-Match", "\"v0\"")
                .when()
                .get("/v1/me")
                .then()
                .statusCode(200)
                .header("ETag", "\"v1\"");

        Api.as(me)
                .header("If-Match", "\"v0\"")
                .body(Map.of("displayName", "Based on old data"))
                .when()
                .patch("/v1/me")
                .then()
                .statusCode(412)
                .header("ETag", "\"v1\"")
                .body("type", equalTo(PROBLEMS + "precondition-failed"))
                .body("etag", equalTo("\"v1\""))
                .body("current.displayName", equalTo("First"));
        Api.as(me).when().get("/v1/me").then().body("displayName", equalTo("First"));
    }

    @Test
    void partnershipWritesCheckIfMatch() {
        Pairs.Pair pair = Pairs.aPartnership();
        String tag = Api.as(pair.inviter())
                .when()
                .get("/v1/partnerships/{id}", pair.partnershipId())
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        Api.as(pair.invitee())
                .header("If-None-Match", tag)
                .when()
                .get("/v1/partnerships/{id}", pair.partnershipId())
                .then()
                .statusCode(304);

        Api.as(pair.invitee())
                .header("If-Match", tag)
                .body(Map.of("displayName", "Ours"))
                .when()
                .patch("/v1/partnerships/{id}", pair.partnershipId())
                .then()
                .statusCode(200);

        Api.as(pair.inviter())
                .header("If-Match", tag)
                .when()
                .post("/v1/partnerships/{id}/end", pair.partnershipId())
                .then()
                .statusCode(412)
                .body("current.status", equalTo("active"));
        String current = Api.as(pair.inviter())
                .when()
                .get("/v1/partnerships/{id}", pair.partnershipId())
                .then()
                .extract()
                .header("ETag");
        // If-Match compares strongly: a weak tag never matches.
        Api.as(pair.inviter())
                .header("If-Match", "W/" + current)
                .when()
                .post("/v1/partnerships/{id}/end", pair.partnershipId())
                .then()
                .statusCode(412);
        Api.as(pair.inviter())
                .header("If-Match", "\"v999\", " + current)
                .when()
                .post("/v1/partnerships/{id}/end", pair.partnershipId())
                .then()
                .statusCode(200);
    }

    @Test
    void deletingTheAccountChecksIfMatchToo() {
        SignedIn me = Accounts.signedIn();
        Api.as(me)
                .body(Map.of("displayName", "Changed"))
                .when()
                .patch("/v1/me")
                .then()
                .statusCode(200);

        Api.as(me)
                .header("If-Match", "\"v0\"")
                .body(Map.of("password", me.password()))
                .when()
                .delete("/v1/me")
                .then()
                .statusCode(412);
        Api.as(me).when().get("/v1/me").then().statusCode(200);
    }
}
