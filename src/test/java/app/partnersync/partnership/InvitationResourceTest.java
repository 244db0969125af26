package app.partnersync.partnership;

import static app.partnersync.support.Problems.PROBLEMS;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import app.partnersync.support.Accounts;
import app.partnersync.support.Api;
import app.partnersync.support.Pairs;
import app.partnersync.support.ResetTestClockAfterEach;
import app.partnersync.support.SignedIn;
import app.partnersync.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@QuarkusTest
@ExtendWith(ResetTestClockAfterEach.class)
class InvitationResourceTest {

    @Inject
    TestClock clock;

    @Test
    void createGivesAShortHumanCodeThatExpiresInADay() {
        SignedIn inviter = Accounts.signedIn();

        JsonPath created = Api.as(inviter)
                .body(Map.of("kind", "friend", "message", "Let's keep each other honest \uD83E\uDD1D"))
                .when()
                .post("/v1/invitations")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();

        assertEquals("friend", created.getString("kind"));
        assertEquals("Let's keep each other honest \uD83E\uDD1D", created.getString("message"));
        assertEquals("open", created.getString("status"));
        assertEquals(true, created.getString("code").matches("[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}"));
        assertEquals("https://partner-sync.app/join/" + created.getString("code"), created.getString("shareUrl"));
        assertEquals(
                Duration.ofHours(24),
                Duration.between(
                        Instant.parse(created.getString("createdAt")), Instant.parse(created.getString("expiresAt"))));
    }

    @Test
    void previewShowsTheInviterToAnySignedInAccountAndToleratesTyping() {
        SignedIn inviter = Accounts.signedIn();
        String code = Pairs.invite(inviter, Map.of("kind", "colleague", "message", "Weekly 1:1 check-ins?"));
        String displayName =
                Api.as(inviter).when().get("/v1/me").then().extract().path("displayName");

        Api.as(Accounts.signedIn())
                .when()
                .get("/v1/invitations/{code}", code.toLowerCase().replace("-", ""))
                .then()
                .statusCode(200)
                .body("code", equalTo(code))
                .body("kind", equalTo("colleague"))
                .body("message", equalTo("Weekly 1:1 check-ins?"))
                .body("inviter.displayName", equalTo(displayName))
                .body("inviter.email", equalTo(null));
    }

    @Test
    void unknownCodesAreNotFound() {
        Api.as(Accounts.signedIn())
                .when()
                .get("/v1/invitations/{code}", "ZZZZ-2222")
                .then()
                .statusCode(404)
                .body("type", equalTo(PROBLEMS + "not-found"));
        Api.as(Accounts.signedIn())
                .when()
                .post("/v1/invitations/{code}/accept", "not a code at all")
                .then()
                .statusCode(404);
    }

    @Test
    void acceptingMakesThePartnershipAndSpendsTheCode() {
        SignedIn inviter = Accounts.signedIn();
        SignedIn invitee = Accounts.signedIn();
        String code = Pairs.invite(inviter, "partner");

        JsonPath partnership = Api.as(invitee)
                .when()
                .post("/v1/invitations/{code}/accept", code)
                .then()
                .statusCode(201)
                .header("Location", matchesPattern(".*/v1/partnerships/[0-9a-f-]{36}"))
                .body("kind", equalTo("partner"))
                .body("status", equalTo("active"))
                .body("members", hasSize(2))
                .extract()
                .jsonPath();
        assertEquals(
                List.of(inviter.accountId().toString(), invitee.accountId().toString()),
                partnership.getList("members.accountId"));
        assertEquals(List.of(false, true), partnership.getList("members.you"));

        Api.as(Accounts.signedIn())
                .when()
                .post("/v1/invitations/{code}/accept", code)
                .then()
                .statusCode(410)
                .body("type", equalTo(PROBLEMS + "invitation-used"));
        Api.as(Accounts.signedIn())
                .when()
                .get("/v1/invitations/{code}", code)
                .then()
                .statusCode(410)
                .body("type", equalTo(PROBLEMS + "invitation-used"));
        Api.as(inviter).when().get("/v1/invitations").then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void codesExpireAfterADay() {
        SignedIn inviter = Accounts.signedIn();
        String code = Pairs.invite(inviter, "partner");

        clock.advance(Duration.ofHours(23).plusMinutes(59));
        Api.as(Accounts.signedIn())
                .when()
                .get("/v1/invitations/{code}", code)
                .then()
                .statusCode(200);

        clock.advance(Duration.ofMinutes(2));
        Api.as(Accounts.signedIn())
                .when()
                .post("/v1/invitations/{code}/accept", code)
                .then()
                .statusCode(410)
                .body("type", equalTo(PROBLEMS + "invitation-expired"));
        Api.as(inviter).when().get("/v1/invitations").then().body("items", hasSize(0));
    }

    @Test
    void nobodyCanAcceptTheirOwnInvitation() {
        SignedIn inviter = Accounts.signedIn();
        String code = Pairs.invite(inviter, "partner");

        Api.as(inviter)
                .when()
                .post("/v1/invitations/{code}/accept", code)
                .then()
                .statusCode(409)
                .body("type", equalTo(PROBLEMS + "own-invitation"));
        Api.as(Accounts.signedIn())
                .when()
                .post("/v1/invitations/{code}/accept", code)
                .then()
                .statusCode(201);
    }

    @Test
    void twoAccountsCannotHaveTwoActivePartnershipsWithEachOther() {
        Pairs.Pair pair = Pairs.aPartnership();
        String again = Pairs.invite(pair.invitee(), "friend");

        Api.as(pair.inviter())
                .when()
                .post("/v1/invitations/{code}/accept", again)
                .then()
                .statusCode(409)
                .body("type", equalTo(PROBLEMS + "already-partners"));

        // Once the first has ended, the same two may pair again.
        Api.as(pair.inviter())
                .when()
                .post("/v1/partnerships/{id}/end", pair.partnershipId())
                .then()
                .statusCode(200);
        Api.as(pair.inviter())
                .when()
                .post("/v1/invitations/{code}/accept", again)
                .then()
                .statusCode(201);
    }

    @Test
    void simultaneousAcceptsOfOneCodeMakeExactlyOnePartnership() throws Exception {
        SignedIn inviter = Accounts.signedIn();
        String code = Pairs.invite(inviter, "partner");
        List<SignedIn> takers =
                List.of(Accounts.signedIn(), Accounts.signedIn(), Accounts.signedIn(), Accounts.signedIn());

        ExecutorService pool = Executors.newFixedThreadPool(takers.size());
        List<Integer> statuses = new ArrayList<>();
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> results = new ArrayList<>();
            for (SignedIn taker : takers) {
                results.add(pool.submit(() -> {
                    start.await();
                    return Api.as(taker)
                            .when()
                            .post("/v1/invitations/{code}/accept", code)
                            .statusCode();
                }));
            }
            start.countDown();
            for (Future<Integer> result : results) {
                statuses.add(result.get());
            }
        } finally {
            pool.shutdownNow();
        }

        assertEquals(1, Collections.frequency(statuses, 201), statuses.toString());
        assertEquals(takers.size() - 1, Collections.frequency(statuses, 410), statuses.toString());
        Api.as(inviter).when().get("/v1/partnerships").then().body("items", hasSize(1));
    }

    @Test
    void theActivePartnershipLimitHoldsForInviterAndInvitee() {
        SignedIn busy = Accounts.signedIn();
        List<String> spareCodes = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            spareCodes.add(Pairs.invite(busy, "friend"));
        }
        for (int i = 0; i < 10; i++) {
            Api.as(Accounts.signedIn())
                    .when()
                    .post("/v1/invitations/{code}/accept", spareCodes.get(i))
                    .then()
                    .statusCode(201);
        }

        Api.as(busy)
                .body(Map.of("kind", "friend"))
                .when()
                .post("/v1/invitations")
                .then()
                .statusCode(409)
                .body("type", equalTo(PROBLEMS + "partnership-limit"));
        Api.as(busy)
                .when()
                .post("/v1/invitations/{code}/accept", Pairs.invite(Accounts.signedIn(), "friend"))
                .then()
                .statusCode(409)
                .body("type", equalTo(PROBLEMS + "partnership-limit"));
    }

    @Test
    void theInvitersLimitIsCheckedWhenAccepting() {
        SignedIn busy = Accounts.signedIn();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            codes.add(Pairs.invite(busy, "friend"));
        }
        for (int i = 0; i < 10; i++) {
            Api.as(Accounts.signedIn())
                    .when()
                    .post("/v1/invitations/{code}/accept", codes.get(i))
                    .then()
                    .statusCode(201);
        }

        Api.as(Accounts.signedIn())
                .when()
                .post("/v1/invitations/{code}/accept", codes.get(10))
                .then()
                .statusCode(409)
                .body("type", equalTo(PROBLEMS + "partnership-limit"))
                .body("detail", notNullValue());
    }

    @Test
    void guessingCodesIsRateLimitedPerAccount() {
        SignedIn guesser = Accounts.signedIn();
        for (int i = 0; i < 30; i++) {
            Api.as(guesser)
                    .when()
                    .get("/v1/invitations/{code}", "ZZZZ-" + (2222 + i % 7 + 2))
                    .then()
                    .statusCode(404);
        }

        String retryAfter = Api.as(guesser)
                .when()
                .post("/v1/invitations/{code}/accept", "ZZZZ-2222")
                .then()
                .statusCode(429)
                .body("type", equalTo(PROBLEMS + "rate-limited"))
                .header("Retry-After", not(emptyOrNullString()))
                .extract()
                .header("Retry-After");
        assertEquals(
                true, Integer.parseInt(retryAfter) >= 1 && Integer.parseInt(retryAfter) <= 15 * 60 + 1, retryAfter);

        // Another account is not affected, and the window passes.
        Api.as(Accounts.signedIn())
                .when()
                .get("/v1/invitations/{code}", "ZZZZ-2222")
                .then()
                .statusCode(404);
        clock.advance(Duration.ofMinutes(16));
        Api.as(guesser).when().get("/v1/invitations/{code}", "ZZZZ-2222").then().statusCode(404);
    }

    @Test
    void theInviterListsAndWithdrawsOpenInvitations() {
        SignedIn inviter = Accounts.signedIn();
        String first = Pairs.invite(inviter, "partner");
        String second = Pairs.invite(inviter, "friend");
        Pairs.invite(Accounts.signedIn(), "friend");

        JsonPath listed = Api.as(inviter)
                .when()
                .get("/v1/invitations")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(List.of(second, first), listed.getList("items.code"));

        Api.as(inviter)
                .when()
                .delete("/v1/invitations/{key}", listed.getString("items[0].id"))
                .then()
                .statusCode(204);
        Api.as(inviter).when().delete("/v1/invitations/{key}", first).then().statusCode(204);

        Api.as(inviter).when().get("/v1/invitations").then().body("items", hasSize(0));
        Api.as(Accounts.signedIn())
                .when()
                .get("/v1/invitations/{code}", first)
                .then()
                .statusCode(404);
        Api.as(inviter).when().delete("/v1/invitations/{key}", first).then().statusCode(404);
    }

    @Test
    void onlyTheInviterCanWithdraw() {
        SignedIn inviter = Accounts.signedIn();
        String code = Pairs.invite(inviter, "partner");
        String id =
                Api.as(inviter).when().get("/v1/invitations").then().extract().path("items[0].id");
        SignedIn other = Accounts.signedIn();

        Api.as(other).when().delete("/v1/invitations/{key}", code).then().statusCode(404);
        Api.as(other).when().delete("/v1/invitations/{key}", id).then().statusCode(404);
        Api.as(other)
                .when()
                .delete("/v1/invitations/{key}", UUID.randomUUID())
                .then()
                .statusCode(404);
        Api.as(Accounts.signedIn())
                .when()
                .get("/v1/invitations/{code}", code)
                .then()
                .statusCode(200);
    }

    @Test
    void anUnknownKindIsRefusedByName() {
        Api.invalidAs(Accounts.signedIn())
                .body(Map.of("kind", "rival"))
                .when()
                .post("/v1/invitations")
                .then()
                .statusCode(400)
                .body("type", equalTo(PROBLEMS + "malformed-request"))
                .body("errors[0].field", equalTo("kind"));
    }
}
