package app.partnersync.sync;

import static app.partnersync.support.Problems.PROBLEMS;
import static app.partnersync.support.SyncFeed.mutation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.partnersync.support.Api;
import app.partnersync.support.Pairs;
import app.partnersync.support.Sql;
import app.partnersync.support.SyncFeed;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SyncPushTest {

    @Inject
    AgroalDataSource database;

    @Test
    void offlineEditsApplyConflictOrAreRejectedOneByOne() {
        Pairs.Pair pair = Pairs.aPartnership();
        Pairs.Pair stranger = Pairs.aPartnership();
        long version = Pairs.version(pair.inviter(), pair.partnershipId());
        long accountVersion = Api.as(pair.inviter())
                .when()
                .get("/v1/me")
                .then()
                .extract()
                .jsonPath()
                .getLong("version");
        // The partner edits meanwhile, so an edit based on the old version conflicts.
        List<Map<String, Object>> mutations = List.of(
                mutation("partnership", pair.partnershipId(), version, "upsert", Map.of("displayName", "Our place")),
                mutation("partnership", pair.partnershipId(), version, "upsert", Map.of("displayName", "stale edit")),
                mutation(
                        "account",
                        pair.inviter().accountId(),
                        accountVersion,
                        "upsert",
                        Map.of("timeZone", "Europe/Lisbon")),
                mutation("partnership", pair.partnershipId(), null, "delete", null),
                mutation("partnership", stranger.partnershipId(), null, "upsert", Map.of("displayName", "not mine")),
                mutation("account", pair.inviter().accountId(), null, "upsert", Map.of("timeZone", "Mars/Base")));

        JsonPath answer = SyncFeed.pushOutsideTheContract(pair.inviter(), mutations);

        assertEquals(
                List.of("applied", "conflict", "applied", "rejected", "rejected", "rejected"),
                answer.getList("results.status"));
        assertEquals(version + 1, answer.getLong("results[0].version"));
        assertEquals("Our place", answer.getString("results[0].record.displayName"));
        assertEquals(
                "Our place",
                answer.getString("results[1].record.displayName"),
                "a conflict carries the current record");
        assertEquals(PROBLEMS + "unsupported-mutation", answer.getString("results[3].problem.type"));
        assertEquals(
                List.of("partnership", "partnership", "account", "partnership", "partnership", "account"),
                answer.getList("results.type"),
                "each result names its mutation's type, and so the schema of its record");
        assertEquals("delete", answer.getString("results[3].op"));
        assertEquals(pair.partnershipId().toString(), answer.getString("results[3].id"));
        assertEquals(PROBLEMS + "not-found", answer.getString("results[4].problem.type"));
        assertEquals(PROBLEMS + "validation-failed", answer.getString("results[5].problem.type"));
        assertTrue(answer.getList("changes").size() >= 2, "the answer brings the client up to date too");

        assertEquals(
                "Europe/Lisbon",
                Api.as(pair.inviter()).when().get("/v1/me").then().extract().path("timeZone"));
    }

    @Test
    void replayingABatchChangesNothing() {
        Pairs.Pair pair = Pairs.aPartnership();
        long version = Pairs.version(pair.inviter(), pair.partnershipId());
        List<Map<String, Object>> batch = List.of(
                mutation("partnership", pair.partnershipId(), version, "upsert", Map.of("displayName", "Once")),
                mutation("partnership", pair.partnershipId(), null, "delete", null));

        JsonPath first = SyncFeed.pushOutsideTheContract(pair.inviter(), batch);
        JsonPath replay = SyncFeed.pushOutsideTheContract(pair.inviter(), batch);

        assertEquals(first.getList("results"), replay.getList("results"));
        assertEquals(version + 1, Pairs.version(pair.inviter(), pair.partnershipId()));
    }

    @Test
    void anAllAppliedBatchCommitsOnceAndAnEditSeesTheCreateBeforeIt() throws Exception {
        Pairs.Pair pair = Pairs.aPartnership();
        List<UUID> ids = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        List<Map<String, Object>> batch = new ArrayList<>();
        for (UUID id : ids) {
            batch.add(mutation(
                    "commitment",
                    id,
                    null,
                    "upsert",
                    Map.of(
                            "partnershipId",
                            pair.partnershipId().toString(),
                            "title",
                            "Batch " + id,
                            "promisedBy",
                            List.of(pair.inviter().accountId().toString()),
                            "category",
                            "chore",
                            "dueAt",
                            "2099-01-01T09:00:00Z")));
        }
        batch.add(mutation("commitment", ids.get(0), 0L, "upsert", Map.of("title", "Batch, edited")));

        JsonPath first = SyncFeed.push(pair.inviter(), batch);
        JsonPath replay = SyncFeed.push(pair.inviter(), batch);

        assertEquals(List.of("applied", "applied", "applied", "applied"), first.getList("results.status"));
        assertEquals(1L, first.getLong("results[3].version"), "the edit applies to the record created before it");
        assertEquals(first.getList("results"), replay.getList("results"));
        assertEquals(
                "Batch, edited",
                Api.as(pair.invitee())
                        .when()
                        .get("/v1/partnerships/{p}/commitments/{c}", pair.partnershipId(), ids.get(0))
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("title"));
        assertEquals(
                1L,
                Sql.count(database, "select count(distinct txid) from sync_change where record_id = any(?)", (Object)
                        ids.toArray(new UUID[0])),
                "the whole batch committed in one transaction");
        assertEquals(
                4L,
                Sql.count(
                        database,
                        "select count(*) from sync_mutation where account_id = ? and result like '%\"applied\"%'",
                        pair.inviter().accountId()),
                "every mutation claimed and its result stored once");
    }

    @Test
    void aBatchIsLimitedToAHundredMutations() {
        Pairs.Pair pair = Pairs.aPartnership();
        List<Map<String, Object>> tooMany = new java.util.ArrayList<>();
        for (int i = 0; i < 101; i++) {
            tooMany.add(mutation("partnership", pair.partnershipId(), null, "upsert", Map.of("displayName", "n" + i)));
        }
        Api.invalidAs(pair.inviter())
                .body(Map.of("mutations", tooMany))
                .when()
                .post("/v1/sync")
                .then()
                .statusCode(400);
    }

    /** Found by the schema fuzzer: a type outside the contract's enum was answered 200 with a rejected result. */
    @Test
    void aTypeOutsideTheContractRefusesTheBatch() {
        Pairs.Pair pair = Pairs.aPartnership();
        Api.invalidAs(pair.inviter())
                .body(Map.of(
                        "mutations",
                        List.of(mutation(
                                "partnership-not", pair.partnershipId(), null, "upsert", Map.of("displayName", "x")))))
                .when()
                .post("/v1/sync")
                .then()
                .statusCode(400)
                .body("type", org.hamcrest.Matchers.equalTo(PROBLEMS + "validation-failed"));
    }
}
