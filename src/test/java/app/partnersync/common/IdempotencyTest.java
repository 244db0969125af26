package app.partnersync.common;

import static app.partnersync.support.Problems.PROBLEMS;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.partnersync.support.Accounts;
import app.partnersync.support.Api;
import app.partnersync.support.SignedIn;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
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

/** A retried POST with the same Idempotency-Key does the work once and answers the same. */
@QuarkusTest
class IdempotencyTest {

    @Test
    void aRetryReplaysTheFirstAnswer() {
        SignedIn me = Accounts.signedIn();
        String key = UUID.randomUUID().toString();

        Response first = create(me, key, "partner");
        Response retry = create(me, key, "partner");

        assertEquals(201, first.statusCode());
        assertEquals(201, retry.statusCode());
        assertEquals(first.jsonPath().getString("id"), retry.jsonPath().getString("id"));
        assertEquals(first.header("Location"), retry.header("Location"));
        assertEquals("true", retry.header("Idempotent-Replayed"));
        Api.as(me).when().get("/v1/invitations").then().body("items", hasSize(1));
    }

    @Test
    void theSameKeyForAnotherRequestIsRefused() {
        SignedIn me = Accounts.signedIn();
        String key = UUID.randomUUID().toString();
        create(me, key, "partner").then().statusCode(201);

        create(me, key, "friend").then().statusCode(422).body("type", equalTo(PROBLEMS + "idempotency-key-reused"));
        Api.as(me).when().get("/v1/invitations").then().body("items", hasSize(1));
    }

    @Test
    void keysBelongToOneAccount() {
        String key = UUID.randomUUID().toString();
        SignedIn one = Accounts.signedIn();
        SignedIn other = Accounts.signedIn();

        String mine =
                create(one, key, "partner").then().statusCode(201).extract().path("id");
        String theirs =
                create(other, key, "partner").then().statusCode(201).extract().path("id");

        assertTrue(!mine.equals(theirs));
    }

    @Test
    void simultaneousRetriesCreateOneRecord() throws Exception {
        SignedIn me = Accounts.signedIn();
        String key = UUID.randomUUID().toString();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Integer> statuses = new ArrayList<>();
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return create(me, key, "partner").statusCode();
                }));
            }
            start.countDown();
            for (Future<Integer> result : results) {
                statuses.add(result.get());
            }
        } finally {
            pool.shutdownNow();
        }

        assertEquals(
                6, Collections.frequency(statuses, 201) + Collections.frequency(statuses, 409), statuses.toString());
        assertTrue(statuses.contains(201), statuses.toString());
        Api.as(me).when().get("/v1/invitations").then().body("items", hasSize(1));
    }

    @Test
    void anOverlongKeyIsAValidationProblem() {
        SignedIn me = Accounts.signedIn();
        Api.invalidAs(me)
                .header("Idempotency-Key", "k".repeat(256))
                .body(Map.of("kind", "partner"))
                .when()
                .post("/v1/invitations")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("Idempotency-Key"));
    }

    @Test
    void aFailedRequestIsNotReplayedAsSuccessAndAProblemIsReplayedAsIs() {
        SignedIn me = Accounts.signedIn();
        String key = UUID.randomUUID().toString();
        Response first =
                Api.as(me).header("Idempotency-Key", key).when().post("/v1/invitations/{code}/accept", "ZZZZ-2222");
        Response retry =
                Api.as(me).header("Idempotency-Key", key).when().post("/v1/invitations/{code}/accept", "ZZZZ-2222");

        assertEquals(404, first.statusCode());
        assertEquals(404, retry.statusCode());
        assertEquals("application/problem+json", retry.contentType().split(";")[0]);
        assertEquals(first.jsonPath().getString("type"), retry.jsonPath().getString("type"));
    }

    private static Response create(SignedIn who, String key, String kind) {
        return Api.as(who)
                .header("Idempotency-Key", key)
                .body(Map.of("kind", kind))
                .when()
                .post("/v1/invitations");
    }
}
