package app.partnersync.common;

import static app.partnersync.support.Problems.PROBLEMS;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import app.partnersync.support.Api;
import app.partnersync.support.Pairs;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * Enum query parameters ({@link EnumParameters}): a value outside the vocabulary is the same 400 problem as any
 * invalid field, naming the parameter and what it may be; a listed value filters.
 */
@QuarkusTest
class EnumParametersTest {

    @Test
    void aValueOutsideTheVocabularyIsAnInvalidFieldNamingEveryAllowedValue() {
        Pairs.Pair pair = Pairs.aPartnership();
        Api.invalidAs(pair.inviter())
                .queryParam("status", "OPEN")
                .when()
                .get("/v1/partnerships/{id}/check-ins", pair.partnershipId())
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "validation-failed"))
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo("status"))
                .body("errors[0].message", equalTo("must be one of open, completed, closed"));
    }

    @Test
    void anAllowedValueFilters() {
        Pairs.Pair pair = Pairs.aPartnership();
        Api.as(pair.inviter())
                .body("{\"kind\":\"ad_hoc\"}")
                .when()
                .post("/v1/partnerships/{id}/check-ins", pair.partnershipId())
                .then()
                .statusCode(201);
        Api.as(pair.inviter())
                .queryParam("kind", "ad_hoc")
                .queryParam("status", "open")
                .when()
                .get("/v1/partnerships/{id}/check-ins", pair.partnershipId())
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].kind", equalTo("ad_hoc"));
        Api.as(pair.inviter())
                .queryParam("status", "closed")
                .when()
                .get("/v1/partnerships/{id}/check-ins", pair.partnershipId())
                .then()
                .statusCode(200)
                .body("items", hasSize(0));
    }
}
