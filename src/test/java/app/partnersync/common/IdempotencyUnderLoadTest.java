package app.partnersync.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.partnersync.support.Api;
import app.partnersync.support.Pairs;
import app.partnersync.support.Problems;
import app.partnersync.support.Sql;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Many keys, each sent by several clients at once: every key makes exactly one record, and every client ends up with
 * the same answer (a client told "still being processed" retries, as the contract asks).
 */
@QuarkusTest
class IdempotencyUnderLoadTest {

    private static final int KEYS = 1_000;
    private static final int DUPLICATES = 5;
    private static final String IN_USE = Problems.type("idempotency-key-in-use");

    @Inject
    AgroalDataSource database;

    @Test
    void aThousandKeysFiveTimesEachMakeAThousandRecordsAndIdenticalAnswers() throws Exception {
        List<Pairs.Pair> pairs = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            pairs.add(Pairs.aPartnership());
        }
        String run = UUID.randomUUID().toString().substring(0, 8);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<List<Future<Answer>>> byKey = new ArrayList<>();
        try {
            for (int k = 0; k < KEYS; k++) {
                Pairs.Pair pair = pairs.get(k % pairs.size());
                String key = UUID.randomUUID().toString();
                Map<String, Object> body = Map.of(
                        "title",
                        "Idem " + run + " " + k,
                        "promisedBy",
                        List.of(pair.inviter().accountId().toString()),
                        "dueAt",
                        "2099-01-01T09:00:00Z");
                List<Future<Answer>> duplicates = new ArrayList<>();
                for (int d = 0; d < DUPLICATES; d++) {
                    duplicates.add(pool.submit(() -> send(pair, key, body)));
                }
                byKey.add(duplicates);
            }
            Set<String> ids = new HashSet<>();
            int replayed = 0;
            for (List<Future<Answer>> duplicates : byKey) {
                List<Answer> answers = new ArrayList<>();
                for (Future<Answer> answer : duplicates) {
                    answers.add(answer.get());
                }
                Answer first = answers.get(0);
                assertEquals(201, first.status(), first.toString());
                for (Answer other : answers) {
                    assertEquals(first.status(), other.status(), answers.toString());
                    assertEquals(first.body(), other.body(), "every duplicate gets the same answer");
                    assertEquals(first.location(), other.location(), answers.toString());
                    replayed += other.replayed() ? 1 : 0;
                }
                ids.add(first.id());
            }
            assertEquals(KEYS, ids.size(), "one record per key");
            assertEquals(KEYS * (DUPLICATES - 1), replayed, "all but one answer per key is a replay");
        } finally {
            pool.shutdownNow();
        }
        assertEquals(
                KEYS,
                Sql.count(database, "select count(*) from commitment where title like ?", "Idem " + run + " %"),
                "exactly one commitment per key in the database");
    }

    /** One client: sends, and while the key is still being processed by another, waits a little and sends again. */
    private static Answer send(Pairs.Pair pair, String key, Map<String, Object> body) throws InterruptedException {
        for (int attempt = 0; attempt < 200; attempt++) {
            Response response = Api.as(pair.inviter())
                    .header("Idempotency-Key", key)
                    .body(body)
                    .when()
                    .post("/v1/partnerships/{p}/commitments", pair.partnershipId());
            if (response.statusCode() == 409
                    && IN_USE.equals(response.jsonPath().getString("type"))) {
                Thread.sleep(20);
                continue;
            }
            return new Answer(
                    response.statusCode(),
                    response.body().asString(),
                    response.header("Location"),
                    "true".equals(response.header("Idempotent-Replayed")),
                    response.statusCode() == 201 ? response.jsonPath().getString("id") : null);
        }
        throw new AssertionError("key " + key + " still in use after 200 attempts");
    }

    private record Answer(int status, String body, String location, boolean replayed, String id) {}
}
