package app.partnersync.auth;

import static app.partnersync.support.Accounts.anAccount;
import static app.partnersync.support.Problems.PROBLEMS;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import app.partnersync.support.Accounts;
import app.partnersync.support.Api;
import app.partnersync.support.SignedIn;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AuthResourceTest {

    @Test
    void registerCreatesTheAccountAndItsFirstSession() {
        Map<String, Object> body = anAccount()
                .withTimeZone("America/New_York")
                .withDevice("Pixel 9")
                .body();

        JsonPath created = Api.anonymous()
                .body(body)
                .when()
                .post("/v1/auth/register")
                .then()
                .statusCode(201)
                .header("Location", startsWith("http"))
                .header("Cache-Control", "no-store")
                .body("account.email", equalTo(body.get("email")))
                .body("account.displayName", equalTo(body.get("displayName")))
                .body("account.timeZone", equalTo("America/New_York"))
                .body("account.version", equalTo(0))
                .body("tokens.tokenType", equalTo("Bearer"))
                .body("tokens.expiresIn", equalTo(900))
                .body("tokens.refreshToken", startsWith("psr_"))
                .body("account", not(org.hamcrest.Matchers.hasKey("passwordHash")))
                .extract()
                .jsonPath();

        Api.withToken(created.getString("tokens.accessToken"))
                .when()
                .get("/v1/me")
                .then()
                .statusCode(200)
                .body("id", equalTo(created.getString("account.id")));
    }

    @Test
    void emailsAreUniqueIgnoringCase() {
        SignedIn first = Accounts.signedIn();

        Api.anonymous()
                .body(anAccount().withEmail(first.email().toUpperCase()).body())
                .when()
                .post("/v1/auth/register")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "email-taken"))
                .body("status", equalTo(409));
    }

    @Test
    void registrationRejectsEachInvalidFieldByName() {
        Map<String, Object> body = anAccount().body();
        body.put("email", "not-an-email");
        body.put("password", "short");
        body.put("displayName", "   ");
        body.put("timeZone", "+02:00");

        Api.invalid()
                .body(body)
                .when()
                .post("/v1/auth/register")
                .then()
                .statusCode(400)
                .body("type", equalTo(PROBLEMS + "validation-failed"))
                .body("errors.field", hasItem("email"))
                .body("errors.field", hasItem("password"))
                .body("errors.field", hasItem("displayName"))
                .body("errors.field", hasItem("timeZone"));
    }

    @Test
    void passwordLengthCountsCharactersNotUtf16Units() {
        // Ten emoji are ten characters (twenty UTF-16 units): the minimum, so accepted.
        String tenEmoji = "\uD83D\uDE00".repeat(10);
        SignedIn account = anAccount().withPassword(tenEmoji).register();
        Accounts.login(account, "phone");

        Map<String, Object> body =
                anAccount().withPassword("\uD83D\uDE00".repeat(257)).body();
        Api.invalid()
                .body(body)
                .when()
                .post("/v1/auth/register")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("password"));
    }

    @Test
    void everyCharacterOfALongPassphraseCounts() {
        // bcrypt alone would ignore everything after 72 bytes; the two passwords differ only after that.
        String common = "x".repeat(100);
        SignedIn account = anAccount().withPassword(common + "-first").register();

        Api.anonymous()
                .body(Map.of("email", account.email(), "password", common + "-other"))
                .when()
                .post("/v1/auth/login")
                .then()
                .statusCode(401)
                .body("type", equalTo(PROBLEMS + "invalid-credentials"));
        Api.anonymous()
                .body(Map.of("email", account.email(), "password", common + "-first"))
                .when()
                .post("/v1/auth/login")
                .then()
                .statusCode(200);
    }

    @Test
    void loginIssuesATokenPairAndIgnoresEmailCase() {
        SignedIn account = Accounts.signedIn();

        Api.anonymous()
                .body(Map.of("email", account.email().toUpperCase(), "password", account.password()))
                .when()
                .post("/v1/auth/login")
                .then()
                .statusCode(200)
                .header("Cache-Control", "no-store")
                .body("tokenType", equalTo("Bearer"))
                .body("expiresIn", equalTo(900))
                .body("accessToken", notNullValue())
                .body("refreshToken", startsWith("psr_"));
    }

    @Test
    void wrongPasswordAndUnknownEmailGiveTheSameAnswer() {
        SignedIn account = Accounts.signedIn();

        JsonPath wrongPassword = Api.anonymous()
                .body(Map.of("email", account.email(), "password", "not the password"))
                .when()
                .post("/v1/auth/login")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .extract()
                .jsonPath();
        JsonPath unknownEmail = Api.anonymous()
                .body(Map.of("email", "nobody-" + UUID.randomUUID() + "@example.test", "password", "not the password"))
                .when()
                .post("/v1/auth/login")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .extract()
                .jsonPath();

        assertEquals(PROBLEMS + "invalid-credentials", wrongPassword.getString("type"));
        assertEquals(wrongPassword.getString("type"), unknownEmail.getString("type"));
        assertEquals(wrongPassword.getString("title"), unknownEmail.getString("title"));
        assertEquals(wrongPassword.getString("detail"), unknownEmail.getString("detail"));
    }

    @Test
    void refreshRotatesTheRefreshToken() {
        SignedIn account = Accounts.signedIn();

        JsonPath next =
                refresh(account.refreshToken()).then().statusCode(200).extract().jsonPath();
        assertNotEquals(account.refreshToken(), next.getString("refreshToken"));
        assertNotEquals(account.accessToken(), next.getString("accessToken"));

        Api.withToken(next.getString("accessToken")).when().get("/v1/me").then().statusCode(200);
        refresh(next.getString("refreshToken")).then().statusCode(200);
    }

    @Test
    void reusingASpentRefreshTokenEndsTheWholeSession() {
        SignedIn account = Accounts.signedIn();
        JsonPath next =
                refresh(account.refreshToken()).then().statusCode(200).extract().jsonPath();

        refresh(account.refreshToken())
                .then()
                .statusCode(401)
                .body("type", equalTo(PROBLEMS + "invalid-refresh-token"));

        // The newer token and the session's access tokens die with it.
        refresh(next.getString("refreshToken")).then().statusCode(401);
        Api.withToken(next.getString("accessToken")).when().get("/v1/me").then().statusCode(401);
        Api.as(account).when().get("/v1/me").then().statusCode(401);
    }

    @Test
    void anUnknownRefreshTokenIsRefused() {
        refresh("psr_" + UUID.randomUUID())
                .then()
                .statusCode(401)
                .body("type", equalTo(PROBLEMS + "invalid-refresh-token"));
    }

    @Test
    void logoutEndsTheSessionAtOnce() {
        SignedIn account = Accounts.signedIn();
        SignedIn otherDevice = Accounts.login(account, "tablet");

        Api.as(account).when().post("/v1/auth/logout").then().statusCode(204);

        Api.as(account)
                .when()
                .get("/v1/me")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "unauthorized"));
        refresh(account.refreshToken()).then().statusCode(401);
        Api.as(otherDevice).when().get("/v1/me").then().statusCode(200);
    }

    @Test
    void unknownPropertiesAreRejectedByName() {
        Map<String, Object> body = anAccount().body();
        body.put("isAdmin", true);

        Api.invalid()
                .body(body)
                .when()
                .post("/v1/auth/register")
                .then()
                .statusCode(400)
                .body("type", equalTo(PROBLEMS + "malformed-request"))
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo("isAdmin"));
    }

    private static io.restassured.response.Response refresh(String refreshToken) {
        return Api.anonymous().body(Map.of("refreshToken", refreshToken)).when().post("/v1/auth/refresh");
    }
}
