package app.partnersync.commitment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.partnersync.support.Api;
import app.partnersync.support.Commitments;
import app.partnersync.support.Pairs;
import app.partnersync.support.SyncFeed;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Offline round trips: a commitment created on a phone with its own id, edits that conflict, a delete. */
@QuarkusTest
class CommitmentSyncTest {

    @Test
    void createOfflineEditOnBothPhonesAndDelete() {
        Pairs.Pair pair = Pairs.aPartnership();
        UUID id = UUID.randomUUID();
        Map<String, Object> data = Map.of(
                "partnershipId", pair.partnershipId().toString(),
                "title", "Phone-free dinners",
                "promisedBy",
                        List.of(
                                pair.inviter().accountId().toString(),
                                pair.invitee().accountId().toString()),
                "category", "goal",
                "recurrence", Map.of("frequency", "daily", "time", "19:30", "startsOn", "2026-01-01"));

        JsonPath created = push(pair.inviter(), mutation(id, null, "upsert", data));
        assertEquals("applied", created.getString("results[0].status"));
        assertEquals(id.toString(), created.getString("results[0].record.id"));
        assertEquals(0L, created.getLong("results[0].version"));
        Api.as(pair.invitee())
                .when()
                .get(Commitments.path(pair, id.toString()))
                .then()
                .statusCode(200);

        // Both phones edit version 0 while offline: the first to arrive wins, the second gets the current record.
        JsonPath mine =
                push(pair.inviter(), mutation(id, 0L, "upsert", Map.of("title", "Phone-free dinners, 5 a week")));
        JsonPath theirs = push(pair.invitee(), mutation(id, 0L, "upsert", Map.of("title", "Phone-free weekends")));
        assertEquals("applied", mine.getString("results[0].status"));
        assertEquals("conflict", theirs.getString("results[0].status"));
        assertEquals("Phone-free dinners, 5 a week", theirs.getString("results[0].record.title"));

        JsonPath deleted = push(pair.invitee(), mutation(id, 1L, "delete", null));
        assertEquals("applied", deleted.getString("results[0].status"));
        Api.as(pair.inviter())
                .when()
                .get(Commitments.path(pair, id.toString()))
                .then()
                .statusCode(404);

        // The other phone learns of it as a tombstone.
        List<Map<String, Object>> changes = Api.as(pair.inviter())
                .when()
                .get("/v1/sync")
                .then()
                .extract()
                .jsonPath()
                .getList("changes");
        assertFalse(changes.stream().anyMatch(c -> id.toString().equals(c.get("id")) && "upsert".equals(c.get("op"))));
    }

    @Test
    void aPushCannotCreateInSomeoneElsesPartnership() {
        Pairs.Pair mine = Pairs.aPartnership();
        Pairs.Pair theirs = Pairs.aPartnership();
        Map<String, Object> data = Map.of(
                "partnershipId",
                theirs.partnershipId().toString(),
                "title",
                "Sneaky",
                "promisedBy",
                List.of(mine.inviter().accountId().toString()),
                "dueAt",
                "2030-01-01T10:00:00Z");

        JsonPath answer = push(mine.inviter(), mutation(UUID.randomUUID(), null, "upsert", data));

        assertEquals("rejected", answer.getString("results[0].status"));
        assertTrue(answer.getString("results[0].problem.type").endsWith("/not-found"));
    }

    private static JsonPath push(app.partnersync.support.SignedIn who, Map<String, Object> mutation) {
        return SyncFeed.push(who, List.of(mutation));
    }

    private static Map<String, Object> mutation(UUID id, Long baseVersion, String op, Map<String, Object> data) {
        return SyncFeed.mutation("commitment", id, baseVersion, op, data);
    }
}
