package app.partnersync.auth;

import static app.partnersync.support.Problems.PROBLEMS;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import app.partnersync.support.Accounts;
import app.partnersync.support.Api;
import app.partnersync.support.SignedIn;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SessionResourceTest {

    @Test
    void listsTheCallersDevicesNewestFirstAndMarksTheCurrentOne() {
        SignedIn phone = Accounts.anAccount().withDevice("phone").register();
        Accounts.login(phone, "laptop");
        SignedIn tablet = Accounts.login(phone, "tablet");

        Api.as(tablet)
                .when()
                .get("/v1/me/sessions")
                .then()
                .statusCode(200)
                .body("items", hasSize(3))
                .body("items.deviceName", equalTo(List.of("tablet", "laptop", "phone")))
                .body("items.current", equalTo(List.of(true, false, false)))
                .body("nextCursor", nullValue());
    }

    @Test
    void pagesWithACursorWithoutRepeatsOrGaps() {
        SignedIn account = Accounts.signedIn();
        for (int i = 0; i < 4; i++) {
            Accounts.login(account, "device " + i);
        }

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = Api.as(account).queryParam("limit", 2);
            if (cursor != null) {
                request = request.queryParam("cursor", cursor);
            }
            JsonPath page = request.when()
                    .get("/v1/me/sessions")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            seen.addAll(page.getList("items.id"));
            cursor = page.getString("nextCursor");
            pages++;
        } while (cursor != null);

        assertEquals(5, seen.size());
        assertEquals(5, new HashSet<>(seen).size());
        assertEquals(3, pages);
    }

    @Test
    void badPagingParametersAreNamed() {
        SignedIn account = Accounts.signedIn();

        for (String limit : List.of("0", "-1", "abc", "2147483648")) {
            Api.invalidAs(account)
                    .queryParam("limit", limit)
                    .when()
                    .get("/v1/me/sessions")
                    .then()
                    .statusCode(400)
                    .body("type", equalTo(PROBLEMS + "validation-failed"))
                    .body("errors.field", hasItem("limit"));
        }
        Api.as(account)
                .queryParam("cursor", "bm90LWEtY3Vyc29y")
                .when()
                .get("/v1/me/sessions")
                .then()
                .statusCode(400)
                .body("type", equalTo(PROBLEMS + "invalid-cursor"));
    }

    @Test
    void revokingASessionSignsThatDeviceOutAtOnce() {
        SignedIn phone = Accounts.signedIn();
        SignedIn laptop = Accounts.login(phone, "laptop");
        String laptopSession = sessionOf(laptop);

        Api.as(phone)
                .when()
                .delete("/v1/me/sessions/{id}", laptopSession)
                .then()
                .statusCode(204);

        Api.as(laptop).when().get("/v1/me").then().statusCode(401);
        Api.as(phone).when().get("/v1/me/sessions").then().body("items", hasSize(1));
        Api.as(phone)
                .when()
                .delete("/v1/me/sessions/{id}", laptopSession)
                .then()
                .statusCode(404)
                .body("type", equalTo(PROBLEMS + "not-found"));
    }

    @Test
    void anotherAccountsSessionIsNotFoundAndStaysActive() {
        SignedIn stranger = Accounts.signedIn();
        SignedIn victim = Accounts.signedIn();

        Api.as(stranger)
                .when()
                .delete("/v1/me/sessions/{id}", sessionOf(victim))
                .then()
                .statusCode(404)
                .body("type", equalTo(PROBLEMS + "not-found"));
        Api.as(stranger)
                .when()
                .delete("/v1/me/sessions/{id}", UUID.randomUUID())
                .then()
                .statusCode(404);

        Api.as(victim).when().get("/v1/me").then().statusCode(200);
    }

    @Test
    void signOutOtherDevicesKeepsOnlyTheCurrentSession() {
        SignedIn phone = Accounts.signedIn();
        SignedIn laptop = Accounts.login(phone, "laptop");
        SignedIn tablet = Accounts.login(phone, "tablet");

        Api.as(phone)
                .when()
                .post("/v1/me/sessions/revoke-others")
                .then()
                .statusCode(200)
                .body("revoked", equalTo(2));

        Api.as(laptop).when().get("/v1/me").then().statusCode(401);
        Api.as(tablet).when().get("/v1/me").then().statusCode(401);
        Api.as(phone)
                .when()
                .get("/v1/me/sessions")
                .then()
                .body("items", hasSize(1))
                .body("items[0].current", equalTo(true));
    }

    private static String sessionOf(SignedIn signedIn) {
        return Api.as(signedIn)
                .when()
                .get("/v1/me/sessions")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getString("items.find { it.current }.id");
    }
}
