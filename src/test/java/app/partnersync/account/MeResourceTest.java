package app.partnersync.account;

import static app.partnersync.support.Problems.PROBLEMS;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import app.partnersync.support.Accounts;
import app.partnersync.support.Api;
import app.partnersync.support.SignedIn;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MeResourceTest {

    @Test
    void getMeShowsTheCallersAccount() {
        SignedIn account = Accounts.anAccount().withTimeZone("Asia/Tokyo").register();

        Api.as(account)
                .when()
                .get("/v1/me")
                .then()
                .statusCode(200)
                .body("id", equalTo(account.accountId().toString()))
                .body("email", equalTo(account.email()))
                .body("timeZone", equalTo("Asia/Tokyo"));
    }

    @Test
    void patchChangesOnlyTheGivenFieldsAndBumpsTheVersion() {
        SignedIn account = Accounts.signedIn();

        Api.as(account)
                .body(Map.of("displayName", "Robin \uD83C\uDF3B"))
                .when()
                .patch("/v1/me")
                .then()
                .statusCode(200)
                .body("displayName", equalTo("Robin \uD83C\uDF3B"))
                .body("timeZone", equalTo("Europe/Berlin"))
                .body("version", equalTo(1));
        Api.as(account)
                .body(Map.of("timeZone", "America/Sao_Paulo"))
                .when()
                .patch("/v1/me")
                .then()
                .statusCode(200)
                .body("displayName", equalTo("Robin \uD83C\uDF3B"))
                .body("timeZone", equalTo("America/Sao_Paulo"))
                .body("version", equalTo(2));
        Api.as(account).when().get("/v1/me").then().body("timeZone", equalTo("America/Sao_Paulo"));
    }

    @Test
    void patchRejectsInvalidValuesAndEmptyChanges() {
        SignedIn account = Accounts.signedIn();

        Api.invalidAs(account)
                .body(Map.of("timeZone", "Mars/Olympus_Mons"))
                .when()
                .patch("/v1/me")
                .then()
                .statusCode(400)
                .body("type", equalTo(PROBLEMS + "validation-failed"))
                .body("errors.field", hasItem("timeZone"));
        Api.invalidAs(account)
                .body(Map.of())
                .when()
                .patch("/v1/me")
                .then()
                .statusCode(400)
                .body("type", equalTo(PROBLEMS + "validation-failed"));
        Api.invalidAs(account)
                .body(Map.of("email", "new@example.test"))
                .when()
                .patch("/v1/me")
                .then()
                .statusCode(400)
                .body("type", equalTo(PROBLEMS + "malformed-request"))
                .body("errors[0].field", equalTo("email"));
    }

    @Test
    void changingThePasswordEndsEveryOtherSession() {
        SignedIn phone = Accounts.signedIn();
        SignedIn laptop = Accounts.login(phone, "laptop");
        String newPassword = "a brand new passphrase";

        Api.as(phone)
                .body(Map.of("currentPassword", phone.password(), "newPassword", newPassword))
                .when()
                .post("/v1/me/password")
                .then()
                .statusCode(204);

        Api.as(phone).when().get("/v1/me").then().statusCode(200);
        Api.as(laptop).when().get("/v1/me").then().statusCode(401);
        Api.anonymous()
                .body(Map.of("refreshToken", laptop.refreshToken()))
                .when()
                .post("/v1/auth/refresh")
                .then()
                .statusCode(401);
        Api.anonymous()
                .body(Map.of("email", phone.email(), "password", phone.password()))
                .when()
                .post("/v1/auth/login")
                .then()
                .statusCode(401);
        Api.anonymous()
                .body(Map.of("email", phone.email(), "password", newPassword))
                .when()
                .post("/v1/auth/login")
                .then()
                .statusCode(200);
    }

    @Test
    void aWrongCurrentPasswordChangesNothing() {
        SignedIn account = Accounts.signedIn();
        SignedIn laptop = Accounts.login(account, "laptop");

        Api.as(account)
                .body(Map.of("currentPassword", "not my password", "newPassword", "a brand new passphrase"))
                .when()
                .post("/v1/me/password")
                .then()
                .statusCode(403)
                .body("type", equalTo(PROBLEMS + "wrong-password"));

        Api.as(laptop).when().get("/v1/me").then().statusCode(200);
        Api.anonymous()
                .body(Map.of("email", account.email(), "password", account.password()))
                .when()
                .post("/v1/auth/login")
                .then()
                .statusCode(200);
    }

    @Test
    void aTooShortNewPasswordIsRefused() {
        SignedIn account = Accounts.signedIn();

        Api.invalidAs(account)
                .body(Map.of("currentPassword", account.password(), "newPassword", "short"))
                .when()
                .post("/v1/me/password")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("newPassword"));
    }
}
