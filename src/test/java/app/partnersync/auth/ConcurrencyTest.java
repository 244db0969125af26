package app.partnersync.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.partnersync.support.Accounts;
import app.partnersync.support.Api;
import app.partnersync.support.SignedIn;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Races that a flaky mobile network produces for real: the database, not luck, decides them. */
@QuarkusTest
class ConcurrencyTest {

    @Test
    void simultaneousSignUpsWithOneEmailMakeOneAccount() throws Exception {
        Map<String, Object> body = Accounts.anAccount().body();
        List<Integer> statuses = race(
                8,
                () -> Api.anonymous()
                        .body(body)
                        .when()
                        .post("/v1/auth/register")
                        .statusCode());

        assertEquals(1, Collections.frequency(statuses, 201), statuses.toString());
        assertEquals(7, Collections.frequency(statuses, 409), statuses.toString());
    }

    @Test
    void aRefreshTokenSpentTwiceAtOnceIsReuseAndEndsTheSession() throws Exception {
        SignedIn account = Accounts.signedIn();
        List<Integer> statuses = race(
                2,
                () -> Api.anonymous()
                        .body(Map.of("refreshToken", account.refreshToken()))
                        .when()
                        .post("/v1/auth/refresh")
                        .statusCode());

        assertEquals(List.of(200, 401), statuses.stream().sorted().toList());
        Api.as(account).when().get("/v1/me").then().statusCode(401);
    }

    private static List<Integer> race(int parties, Callable<Integer> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(parties);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < parties; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return request.call();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : results) {
                statuses.add(result.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }
}
