package app.partnersync.common;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.partnersync.support.Accounts;
import app.partnersync.support.Api;
import app.partnersync.support.Pairs;
import app.partnersync.support.Problems;
import app.partnersync.support.SignedIn;
import app.partnersync.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Rate limits with low quotas (their own profile): per account and per client address, on writes, login, refresh and
 * invitation attempts, with RateLimit fields and 429 problems. Test clients name their address in X-Forwarded-For,
 * trusted from 127.0.0.1 here as from a load balancer in production. Each test starts a quarter of an hour later on
 * the service's clock, so that every window it meets is fresh.
 */
@QuarkusTest
@TestProfile(RateLimitTest.LowLimits.class)
class RateLimitTest {

    private static final String RATE_LIMITED = Problems.type("rate-limited");

    /** Quotas small enough to run out within a test. */
    public static class LowLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.ofEntries(
                    Map.entry("partnersync.rate-limits.writes-per-account", "5"),
                    Map.entry("partnersync.rate-limits.writes-per-ip", "12"),
                    Map.entry("partnersync.rate-limits.logins-per-email", "3"),
                    Map.entry("partnersync.rate-limits.logins-per-ip", "6"),
                    Map.entry("partnersync.rate-limits.refreshes-per-account", "3"),
                    Map.entry("partnersync.rate-limits.refreshes-per-ip", "6"),
                    Map.entry("partnersync.rate-limits.invitation-attempts-per-ip", "4"),
                    Map.entry("quarkus.http.proxy.proxy-address-forwarding", "true"),
                    Map.entry("quarkus.http.proxy.allow-x-forwarded", "true"),
                    Map.entry("quarkus.http.proxy.trusted-proxies", "127.0.0.1"));
        }
    }

    @Inject
    TestClock clock;

    @BeforeEach
    void freshWindows() {
        clock.advance(Duration.ofMinutes(16));
    }

    @AfterAll
    static void resetClock() {
        io.quarkus.arc.Arc.container().instance(TestClock.class).get().reset();
    }

    @Test
    void anAccountThatWritesPastItsQuotaIsToldWhenToComeBack() {
        SignedIn writer = Accounts.signedIn();
        for (int i = 1; i <= 5; i++) {
            rename(Api.as(writer), "Writer " + i)
                    .then()
                    .statusCode(200)
                    .header("RateLimit-Policy", containsString("\"writes-account\";q=5;w=60"))
                    .header("RateLimit", containsString("\"writes-account\";r=" + (5 - i) + ";"));
        }

        Response refused = rename(Api.as(writer), "Writer 6");
        refused.then()
                .statusCode(429)
                .contentType("application/problem+json")
                .body("type", equalTo(RATE_LIMITED))
                .header("Retry-After", notNullValue())
                .header("RateLimit", containsString("\"writes-account\";r=0;"));
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 12, "one write's refill of a 5-per-minute bucket: " + retryAfter);

        // Reads are never limited; another account from the same address still writes.
        Api.as(writer).when().get("/v1/me").then().statusCode(200);
        rename(Api.as(Accounts.signedIn()), "Neighbour").then().statusCode(200);

        clock.advance(Duration.ofSeconds(retryAfter));
        rename(Api.as(writer), "Writer again").then().statusCode(200);
    }

    @Test
    void oneAddressIsLimitedAcrossAccountsAndAnIpv6SubnetCountsAsOne() {
        SignedIn first = Accounts.signedIn();
        SignedIn second = Accounts.signedIn();
        SignedIn third = Accounts.signedIn();
        // Two addresses of one /64: the same bucket.
        String[] subnet = {"2001:db8:1:2::a", "2001:db8:1:2::b"};
        int writes = 0;
        for (SignedIn account : new SignedIn[] {first, second, third}) {
            for (int i = 0; i < 4; i++) {
                rename(from(Api.as(account), subnet[writes++ % 2]), "From the subnet " + i)
                        .then()
                        .statusCode(200)
                        .header("RateLimit", containsString("\"writes-ip\";r=" + (12 - writes) + ";"));
            }
        }

        SignedIn fresh = Accounts.signedIn();
        rename(from(Api.as(fresh), "2001:db8:1:2::c"), "Over the address quota")
                .then()
                .statusCode(429)
                .body("type", equalTo(RATE_LIMITED))
                .header("RateLimit", containsString("\"writes-ip\";r=0;"));
        // Registering is a write of the address too.
        Api.anonymous()
                .header("X-Forwarded-For", "2001:db8:1:2::d")
                .body(Accounts.anAccount().body())
                .when()
                .post("/v1/auth/register")
                .then()
                .statusCode(429)
                .body("type", equalTo(RATE_LIMITED));
        // The same account from another network is not held back.
        rename(from(Api.as(fresh), "2001:db8:1:3::a"), "From elsewhere").then().statusCode(200);
    }

    @Test
    void aRefusedWriteClaimsNoIdempotencyKey() {
        SignedIn writer = Accounts.signedIn();
        for (int i = 0; i < 5; i++) {
            rename(Api.as(writer), "Spending " + i).then().statusCode(200);
        }
        String key = UUID.randomUUID().toString();
        Supplier<Response> invite = () -> Api.as(writer)
                .header("Idempotency-Key", key)
                .body(Map.of("kind", "friend"))
                .when()
                .post("/v1/invitations");
        invite.get().then().statusCode(429);

        clock.advance(Duration.ofMinutes(1));
        invite.get().then().statusCode(201).header("Idempotent-Replayed", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void loginAttemptsAreCountedPerEmailAndPerAddress() {
        SignedIn target = Accounts.signedIn();
        for (int i = 0; i < 3; i++) {
            login(target.email(), "wrong password " + i, "192.0.2." + (10 + i))
                    .then()
                    .statusCode(401)
                    .header("RateLimit-Policy", containsString("\"login-email\";q=3;w=900"));
        }
        // From yet another address, and with the right password: the email's quota is spent.
        login(target.email(), target.password(), "192.0.2.20")
                .then()
                .statusCode(429)
                .body("type", equalTo(RATE_LIMITED))
                .header("Retry-After", notNullValue());

        // One address guessing across many emails.
        for (int i = 0; i < 6; i++) {
            login("nobody-" + UUID.randomUUID() + "@example.test", "guess " + i, "192.0.2.30")
                    .then()
                    .statusCode(401);
        }
        login(Accounts.signedIn().email(), "guess", "192.0.2.30")
                .then()
                .statusCode(429)
                .header("RateLimit", containsString("\"login-ip\";r=0;"));

        clock.advance(Duration.ofMinutes(15));
        login(target.email(), target.password(), "192.0.2.30").then().statusCode(200);
    }

    @Test
    void refreshesAreCountedPerAccountWithoutSpendingTheRefusedToken() {
        SignedIn account = Accounts.signedIn();
        String token = account.refreshToken();
        for (int i = 0; i < 3; i++) {
            token = refresh(token, "198.51.100." + (1 + i))
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("refreshToken");
        }
        refresh(token, "198.51.100.9")
                .then()
                .statusCode(429)
                .body("type", equalTo(RATE_LIMITED))
                .header("RateLimit", containsString("\"refresh-account\";r=0;"));

        // The refused token was not spent: after the window it still works, and the session is intact.
        clock.advance(Duration.ofMinutes(15));
        refresh(token, "198.51.100.9").then().statusCode(200);
    }

    @Test
    void refreshAttemptsAreCountedPerAddress() {
        for (int i = 0; i < 6; i++) {
            refresh("psr_not-a-token-" + i, "198.51.100.50").then().statusCode(401);
        }
        refresh(Accounts.signedIn().refreshToken(), "198.51.100.50")
                .then()
                .statusCode(429)
                .header("RateLimit", containsString("\"refresh-ip\";r=0;"));
    }

    @Test
    void invitationAttemptsAreCountedPerAddressAcrossAccounts() {
        for (int i = 0; i < 4; i++) {
            from(Api.as(Accounts.signedIn()), "203.0.113.7")
                    .when()
                    .get("/v1/invitations/{code}", "ZZZZ-ZZZZ")
                    .then()
                    .statusCode(404)
                    .header("RateLimit-Policy", containsString("\"invitation-ip\";q=4;w=900"));
        }
        String code = Pairs.invite(Accounts.signedIn(), "friend");
        from(Api.as(Accounts.signedIn()), "203.0.113.7")
                .when()
                .get("/v1/invitations/{code}", code)
                .then()
                .statusCode(429)
                .body("type", equalTo(RATE_LIMITED));
        from(Api.as(Accounts.signedIn()), "203.0.113.8")
                .when()
                .get("/v1/invitations/{code}", code)
                .then()
                .statusCode(200);
    }

    @Test
    void quotasAreReportedOnEveryLimitedAnswerAndOnNoRead() {
        SignedIn account = Accounts.signedIn();
        Response write = rename(from(Api.as(account), "203.0.113.99"), "Reported");
        write.then().statusCode(200);
        assertEquals("\"writes-ip\";q=12;w=60, \"writes-account\";q=5;w=60", write.header("RateLimit-Policy"));
        assertTrue(
                write.header("RateLimit").matches("\"writes-ip\";r=11;t=\\d+, \"writes-account\";r=4;t=\\d+"),
                write.header("RateLimit"));

        Response read = Api.as(account).when().get("/v1/me");
        read.then().statusCode(200);
        assertEquals(null, read.header("RateLimit"));
    }

    private static RequestSpecification from(RequestSpecification request, String address) {
        return request.header("X-Forwarded-For", address);
    }

    private static Response rename(RequestSpecification request, String name) {
        return request.body(Map.of("displayName", name)).when().patch("/v1/me");
    }

    private static Response login(String email, String password, String address) {
        return Api.invalid()
                .header("X-Forwarded-For", address)
                .body(Map.of("email", email, "password", password))
                .when()
                .post("/v1/auth/login");
    }

    private static Response refresh(String token, String address) {
        return Api.invalid()
                .header("X-Forwarded-For", address)
                .body(Map.of("refreshToken", token))
                .when()
                .post("/v1/auth/refresh");
    }
}
