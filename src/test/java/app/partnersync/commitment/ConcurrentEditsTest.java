package app.partnersync.commitment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.partnersync.support.Api;
import app.partnersync.support.Commitments;
import app.partnersync.support.Pairs;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Optimistic concurrency holds under contention: If-Match lets no acknowledged write be lost. */
@QuarkusTest
class ConcurrentEditsTest {

    private static final int WRITERS = 16;
    private static final int ATTEMPTS = 50;

    @Test
    void sixteenWritersIncrementingWithIfMatchLoseNoAcknowledgedWrite() throws Exception {
        Pairs.Pair pair = Pairs.aPartnership();
        String id = Commitments.oneOff(
                        pair,
                        pair.inviter(),
                        Instant.now().plus(30, ChronoUnit.DAYS),
                        Map.of("reminderMinutesBefore", 0))
                .getString("id");
        String path = Commitments.path(pair, id);
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        List<Future<int[]>> writers = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        try {
            for (int w = 0; w < WRITERS; w++) {
                // Each writer reads the value and its ETag, then writes value + 1 if nobody wrote in between.
                writers.add(pool.submit(() -> {
                    start.await();
                    int acknowledged = 0;
                    int refused = 0;
                    for (int i = 0; i < ATTEMPTS; i++) {
                        Response read = Api.as(pair.inviter()).when().get(path);
                        read.then().statusCode(200);
                        int value = read.jsonPath().getInt("reminderMinutesBefore");
                        int status = Api.as(pair.inviter())
                                .header("If-Match", read.header("ETag"))
                                .body(Map.of("reminderMinutesBefore", value + 1))
                                .when()
                                .patch(path)
                                .statusCode();
                        if (status == 200) {
                            acknowledged++;
                        } else if (status == 412) {
                            refused++;
                        } else {
                            throw new AssertionError("unexpected status " + status);
                        }
                    }
                    return new int[] {acknowledged, refused};
                }));
            }
            start.countDown();
            int acknowledged = 0;
            int refused = 0;
            for (Future<int[]> writer : writers) {
                int[] counts = writer.get();
                acknowledged += counts[0];
                refused += counts[1];
            }
            assertEquals(WRITERS * ATTEMPTS, acknowledged + refused);
            assertTrue(acknowledged > 0, "some writes went through");
            Response last = Api.as(pair.inviter()).when().get(path);
            assertEquals(acknowledged, last.jsonPath().getInt("reminderMinutesBefore"), "no acknowledged write lost");
            assertEquals("\"v" + acknowledged + "\"", last.header("ETag"), "one version per acknowledged write");
        } finally {
            pool.shutdownNow();
        }
    }
}
