package app.partnersync.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.partnersync.common.ProblemException;
import app.partnersync.common.ProblemType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A pushed mutation's result as it is answered and stored: replaying it reads back the same status and state. */
class SyncMutationResultTest {

    private final ObjectMapper json = new ObjectMapper();
    private final UUID record = UUID.randomUUID();
    private final SyncMutation mutation =
            new SyncMutation(UUID.randomUUID(), "commitment", record, 3L, MutationOp.upsert, Map.of("title", "t"));

    @Test
    void eachOutcomeIsWrittenWithItsContractStatus() throws Exception {
        SyncedType.Versioned state = new SyncedType.Versioned(record, 4, Map.of("title", "t"));
        assertEquals(
                "applied",
                json.valueToTree(SyncMutationResult.applied(mutation, state))
                        .path("status")
                        .asText());
        assertEquals(
                "conflict",
                json.valueToTree(SyncMutationResult.conflict(mutation, state))
                        .path("status")
                        .asText());
        SyncMutationResult rejected = SyncMutationResult.rejected(
                mutation, new ProblemException(ProblemType.UNSUPPORTED_MUTATION, "no").toProblem("/v1/sync", "c-1"));
        JsonNode written = json.valueToTree(rejected);
        assertEquals("rejected", written.path("status").asText());
        assertEquals(422, written.path("problem").path("status").asInt());
    }

    @Test
    void anAppliedResultCarriesTheNewVersionAndAConflictOnlyTheCurrentRecord() {
        SyncedType.Versioned state = new SyncedType.Versioned(record, 4, Map.of("title", "t"));
        SyncMutationResult applied = SyncMutationResult.applied(mutation, state);
        assertEquals(4L, applied.version());
        assertEquals(Map.of("title", "t"), applied.record());
        SyncMutationResult conflict = SyncMutationResult.conflict(mutation, state);
        assertEquals(null, conflict.version());
        assertEquals(Map.of("title", "t"), conflict.record());
    }

    @Test
    void aStoredResultReadsBackTheSame() throws Exception {
        SyncMutationResult stored =
                SyncMutationResult.conflict(mutation, new SyncedType.Versioned(record, 7, Map.of("title", "theirs")));
        assertEquals(stored, json.readValue(json.writeValueAsString(stored), SyncMutationResult.class));
    }

    @Test
    void eachResultNamesItsMutationSoThatItsRecordHasAKnownSchema() {
        JsonNode written =
                json.valueToTree(SyncMutationResult.applied(mutation, new SyncedType.Versioned(record, 4, Map.of())));
        assertEquals(
                mutation.mutationId().toString(), written.path("mutationId").asText());
        assertEquals("commitment", written.path("type").asText());
        assertEquals(record.toString(), written.path("id").asText());
        assertEquals("upsert", written.path("op").asText());
    }

    @Test
    void aResultStoredBeforeResultsNamedTheirMutationGainsItsTypeIdAndOpOnReplay() throws Exception {
        SyncMutationResult old = json.readValue(
                "{\"mutationId\":\"" + mutation.mutationId() + "\",\"status\":\"applied\",\"version\":4}",
                SyncMutationResult.class);
        SyncMutationResult answered = old.answering(mutation);
        assertEquals("commitment", answered.type());
        assertEquals(record, answered.id());
        assertEquals(MutationOp.upsert, answered.op());
        assertEquals(4L, answered.version());
        assertEquals(answered, answered.answering(mutation));
    }
}
