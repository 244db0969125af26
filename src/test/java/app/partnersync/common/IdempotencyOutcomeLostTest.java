package app.partnersync.common;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import app.partnersync.support.Api;
import app.partnersync.support.Pairs;
import app.partnersync.support.Sql;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The database is lost after an operation committed and before its Idempotency-Key's outcome is recorded (a
 * PostgreSQL restart at that moment, seen by reliability/run): the client still gets the operation's own answer. It
 * used to get a 500 for a write that was stored, and a retry found the key "in progress" for a minute, then ran the
 * create again. Now the answer is the 201, and the outcome is recorded before the next claim: the retry is replayed.
 */
@QuarkusTest
class IdempotencyOutcomeLostTest {

    @Inject
    EntityManager entityManager;

    @Inject
    Clock clock;

    @Inject
    AgroalDataSource database;

    /** Claims keys for real; recording an outcome fails as when the database has just gone away. */
    static class LosingStore extends IdempotencyStore {
        private final IdempotencyStore real;

        LosingStore(IdempotencyStore real) {
            super(null, null);
            this.real = real;
        }

        @Override
        Claim claim(UUID accountId, String key, String requestHash) {
            return real.claim(accountId, key, requestHash);
        }

        private final AtomicInteger failuresLeft = new AtomicInteger(1);

        @Override
        void complete(UUID accountId, String key, int status, String headers, String body) {
            if (failuresLeft.getAndDecrement() > 0) {
                throw lost();
            }
            real.complete(accountId, key, status, headers, body);
        }

        @Override
        void defer(Runnable step) {
            real.defer(step);
        }

        private static RuntimeException lost() {
            return new IllegalStateException(
                    "could not record",
                    new SQLException("An I/O error occurred while sending to the backend.", "08006"));
        }
    }

    @Test
    void aStoredWriteIsAnsweredAsStoredAndReplayedWhenItsKeyCouldNotBeRecordedAtFirst() throws Exception {
        Pairs.Pair pair = Pairs.aPartnership();
        QuarkusMock.installMockForType(
                new LosingStore(new IdempotencyStore(entityManager, clock)), IdempotencyStore.class);
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of(
                "title",
                "Stored though its key was not recorded " + key,
                "promisedBy",
                List.of(pair.inviter().accountId().toString()),
                "dueAt",
                "2099-01-01T09:00:00Z");
        Supplier<ValidatableResponse> send = () -> Api.as(pair.inviter())
                .header(IdempotencyFilters.HEADER, key)
                .body(body)
                .when()
                .post("/v1/partnerships/{p}/commitments", pair.partnershipId())
                .then()
                .statusCode(201);
        String id = send.get().extract().path("id");
        // The client lost that answer and retries: the outcome is recorded by now, and replayed.
        send.get().header(IdempotencyFilters.REPLAYED, "true").body("id", equalTo(id));
        assertEquals(1L, Sql.count(database, "select count(*) from commitment where title = ?", body.get("title")));
    }
}
