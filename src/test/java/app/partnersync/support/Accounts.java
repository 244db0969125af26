package app.partnersync.support;

import static org.hamcrest.Matchers.notNullValue;

import io.restassured.path.json.JsonPath;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Fixture builder: fresh accounts registered through the API, unique per call so tests never share data. */
public final class Accounts {

    private final Map<String, Object> body = new HashMap<>();

    private Accounts() {
        String unique = UUID.randomUUID().toString().substring(0, 12);
        body.put("email", "member-" + unique + "@example.test");
        body.put("password", "correct horse battery " + unique);
        body.put("displayName", "Member " + unique.substring(0, 4));
        body.put("timeZone", "Europe/Berlin");
    }

    public static Accounts anAccount() {
        return new Accounts();
    }

    /** A ready account with the defaults. */
    public static SignedIn signedIn() {
        return anAccount().register();
    }

    public Accounts withEmail(String email) {
        body.put("email", email);
        return this;
    }

    public Accounts withPassword(String password) {
        body.put("password", password);
        return this;
    }

    public Accounts withTimeZone(String zone) {
        body.put("timeZone", zone);
        return this;
    }

    public Accounts withDevice(String deviceName) {
        body.put("deviceName", deviceName);
        return this;
    }

    /** The request body as it would be sent, for tests that post it themselves. */
    public Map<String, Object> body() {
        return new HashMap<>(body);
    }

    public SignedIn register() {
        JsonPath created = Api.anonymous()
                .body(body)
                .when()
                .post("/v1/auth/register")
                .then()
                .statusCode(201)
                .body("tokens.accessToken", notNullValue())
                .extract()
                .jsonPath();
        return new SignedIn(
                UUID.fromString(created.getString("account.id")),
                (String) body.get("email"),
                (String) body.get("password"),
                created.getString("tokens.accessToken"),
                created.getString("tokens.refreshToken"));
    }

    /** A new session of an existing account, as from another device. */
    public static SignedIn login(SignedIn account, String deviceName) {
        JsonPath tokens = Api.anonymous()
                .body(Map.of("email", account.email(), "password", account.password(), "deviceName", deviceName))
                .when()
                .post("/v1/auth/login")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        return account.withTokens(tokens.getString("accessToken"), tokens.getString("refreshToken"));
    }
}
