package app.partnersync.integration;

import static app.partnersync.support.Problems.PROBLEMS;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import app.partnersync.support.Accounts;
import app.partnersync.support.Api;
import app.partnersync.support.CheckIns;
import app.partnersync.support.IntegrationTokens;
import app.partnersync.support.Pairs;
import app.partnersync.support.ResetTestClockAfterEach;
import app.partnersync.support.SignedIn;
import app.partnersync.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Integration tokens: shown once, scoped, limited to a partnership, revocable at once, consent for sensitive data. */
@QuarkusTest
@ExtendWith(ResetTestClockAfterEach.class)
class IntegrationTokenTest {

    @Inject
    TestClock clock;

    @Test
    void aTokenIsShownOnceActsForItsMemberAndStopsAtOnceWhenRevoked() {
        SignedIn me = Accounts.signedIn();
        String token = token(me, List.of("profile:read"), null);
        Api.withToken(token)
                .when()
                .get("/v1/me")
                .then()
                .statusCode(200)
                .body("id", equalTo(me.accountId().toString()));

        String id = Api.as(me)
                .when()
                .get("/v1/me/tokens")
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("items[0]", not(hasKey("token")))
                .body("items[0].scopes", equalTo(List.of("profile:read")))
                .body("items[0].lastUsedAt", notNullValue())
                .extract()
                .path("items[0].id");
        Api.as(me).when().delete("/v1/me/tokens/{id}", id).then().statusCode(204);
        Api.withToken(token).when().get("/v1/me").then().statusCode(401);
        Api.as(me).when().delete("/v1/me/tokens/{id}", id).then().statusCode(204);
        Api.as(Accounts.signedIn())
                .when()
                .delete("/v1/me/tokens/{id}", id)
                .then()
                .statusCode(404);
        Api.withToken("psi_" + "A".repeat(43)).when().get("/v1/me").then().statusCode(401);
    }

    @Test
    void aCallOutsideTheTokensScopesIsRefusedNamingTheScope() {
        Pairs.Pair pair = Pairs.aPartnership();
        String token = token(pair.inviter(), List.of("commitments:read"), null);
        Api.withToken(token)
                .when()
                .get("/v1/partnerships/{p}/commitments", pair.partnershipId())
                .then()
                .statusCode(200);
        Api.withToken(token)
                .when()
                .get("/v1/me")
                .then()
                .statusCode(403)
                .header("WWW-Authenticate", containsString("scope=\"profile:read\""))
                .body("type", equalTo(PROBLEMS + "insufficient-scope"))
                .body("detail", containsString("profile:read"));
        Api.withToken(token)
                .body(Map.of(
                        "title",
                        "Water the plants",
                        "promisedBy",
                        List.of(pair.inviter().accountId()),
                        "dueAt",
                        Instant.now().plus(Duration.ofDays(1)).toString()))
                .when()
                .post("/v1/partnerships/{p}/commitments", pair.partnershipId())
                .then()
                .statusCode(403)
                .body("detail", containsString("commitments:write"));
        for (String memberOnly : List.of("/v1/me/sessions", "/v1/me/tokens", "/v1/me/export", "/v1/invitations")) {
            Api.withToken(token)
                    .when()
                    .get(memberOnly)
                    .then()
                    .statusCode(403)
                    .body("type", equalTo(PROBLEMS + "member-token-required"));
        }
    }

    @Test
    void aTokenLimitedToOnePartnershipSeesNothingOfTheOthers() {
        SignedIn me = Accounts.signedIn();
        UUID mine = Pairs.pair(me, Accounts.signedIn(), "partner");
        UUID other = Pairs.pair(me, Accounts.signedIn(), "friend");
        String token = token(me, List.of("partnerships:read", "commitments:read"), mine);

        Api.withToken(token).when().get("/v1/partnerships/{p}", mine).then().statusCode(200);
        Api.withToken(token)
                .when()
                .get("/v1/partnerships")
                .then()
                .statusCode(200)
                .body("items.id", equalTo(List.of(mine.toString())));
        Api.withToken(token).when().get("/v1/partnerships/{p}", other).then().statusCode(404);
        Api.withToken(token)
                .when()
                .get("/v1/partnerships/{p}/commitments", other)
                .then()
                .statusCode(404);
        Api.as(me).when().get("/v1/partnerships").then().body("items.id", hasItem(other.toString()));
    }

    @Test
    void checkInsNeedEveryMembersConsentAndShowNoPrivateAnswerNotEvenTheOwners() {
        Pairs.Pair pair = Pairs.aPartnership();
        String checkIn = CheckIns.start(pair.inviter(), pair.partnershipId(), Map.of("kind", "ad_hoc"));
        for (SignedIn member : List.of(pair.inviter(), pair.invitee())) {
            CheckIns.writeEntry(
                    member,
                    pair.partnershipId(),
                    checkIn,
                    Map.of(
                            "mood", CheckIns.score(4, "shared"),
                            "needs", Map.of("text", "Quiet mornings", "visibility", "private"),
                            "submitted", true));
        }
        Api.as(pair.invitee())
                .body(Map.of("title", "After the argument"))
                .when()
                .post("/v1/partnerships/{p}/repair-plans", pair.partnershipId())
                .then()
                .statusCode(201);
        String token = token(pair.inviter(), List.of("checkins:read"), null);

        consent(pair.inviter(), pair, true);
        Api.withToken(token)
                .when()
                .get("/v1/partnerships/{p}/check-ins", pair.partnershipId())
                .then()
                .statusCode(403)
                .body("type", equalTo(PROBLEMS + "consent-required"));
        consent(pair.invitee(), pair, true);
        String body = Api.withToken(token)
                .when()
                .get("/v1/partnerships/{p}/check-ins/{c}", pair.partnershipId(), checkIn)
                .then()
                .statusCode(200)
                .body("entries", hasSize(2))
                .body("entries.mood.value", equalTo(List.of(4, 4)))
                .extract()
                .asString();
        org.junit.jupiter.api.Assertions.assertFalse(body.contains("Quiet mornings"), body);
        Api.withToken(token)
                .when()
                .get("/v1/partnerships/{p}/repair-plans", pair.partnershipId())
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("items[0]", not(hasKey("suggestProfessionalSupport")));

        consent(pair.invitee(), pair, false);
        Api.withToken(token)
                .when()
                .get("/v1/partnerships/{p}/repair-plans", pair.partnershipId())
                .then()
                .statusCode(403)
                .body("type", equalTo(PROBLEMS + "consent-required"));
        Api.as(pair.inviter())
                .when()
                .get("/v1/partnerships/{p}", pair.partnershipId())
                .then()
                .body("members.integrationConsent", equalTo(List.of(true, false)));
    }

    @Test
    void aTokenMustExpireWithinAYearNameKnownScopesAndOneOfYourPartnerships() {
        SignedIn me = Accounts.signedIn();
        Map<String, Map<String, Object>> wrong = Map.of(
                "expiresAt",
                Map.of(
                        "name", "Calendar",
                        "scopes", List.of("profile:read"),
                        "expiresAt", Instant.now().plus(Duration.ofDays(400)).toString()),
                "scopes[1]",
                Map.of(
                        "name", "Calendar",
                        "scopes", List.of("profile:read", "profile:read"),
                        "expiresAt", Instant.now().plus(Duration.ofDays(30)).toString()),
                "partnershipId",
                Map.of(
                        "name", "Calendar",
                        "scopes", List.of("profile:read"),
                        "partnershipId", Pairs.aPartnership().partnershipId().toString(),
                        "expiresAt", Instant.now().plus(Duration.ofDays(30)).toString()));
        wrong.forEach((field, body) -> Api.as(me)
                .body(body)
                .when()
                .post("/v1/me/tokens")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo(field)));
        Api.invalidAs(me)
                .body(Map.of(
                        "name", "Calendar",
                        "scopes", List.of("everything"),
                        "expiresAt", Instant.now().plus(Duration.ofDays(30)).toString()))
                .when()
                .post("/v1/me/tokens")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("scopes[0]"));
    }

    @Test
    void anExpiredTokenIsRefusedAndASecretIsNeverReplayedFromTheIdempotencyStore() {
        SignedIn me = Accounts.signedIn();
        Map<String, Object> body = Map.of(
                "name", "Push gateway",
                "scopes", List.of("events:read", "profile:read"),
                "expiresAt", Instant.now().plus(Duration.ofHours(1)).toString());
        String first = Api.as(me)
                .header("Idempotency-Key", "same-key")
                .body(body)
                .when()
                .post("/v1/me/tokens")
                .then()
                .statusCode(201)
                .body("token", matchesPattern("^psi_[A-Za-z0-9_-]{43}$"))
                .extract()
                .path("token");
        String second = Api.as(me)
                .header("Idempotency-Key", "same-key")
                .body(body)
                .when()
                .post("/v1/me/tokens")
                .then()
                .statusCode(201)
                .extract()
                .path("token");
        assertNotEquals(first, second, "each POST makes its own token; no answer with a secret is stored");

        Api.withToken(first).when().get("/v1/me").then().statusCode(200);
        clock.advance(Duration.ofMinutes(61));
        Api.withToken(first).when().get("/v1/me").then().statusCode(401);
    }

    private static void consent(SignedIn who, Pairs.Pair pair, boolean allowed) {
        Api.as(who)
                .body(Map.of("allowed", allowed))
                .when()
                .put("/v1/partnerships/{p}/integration-consent", pair.partnershipId())
                .then()
                .statusCode(200);
    }

    static String token(SignedIn owner, List<String> scopes, UUID partnershipId) {
        return IntegrationTokens.create(owner, scopes, partnershipId);
    }
}
