package app.partnersync.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The payload checks of {@link WebhookReceiver} and {@link SseClient} refuse what the contract does not describe, so
 * that the webhook and live-event tests, which pass through them, can fail.
 */
class ContractSchemasTest {

    private static final String RECORD_EVENT = """
            {"id":"3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f","type":"%s","occurredAt":"2026-12-17T09:30:05Z",
             "partnershipId":"c4d5e6f7-a8b9-4c0d-9e1f-2a3b4c5d6e7f",
             "data":{"recordType":"%s","recordId":"7b1e2c3d-4f5a-4b6c-8d7e-9f0a1b2c3d4e","op":"%s","version":2%s}}""";

    private static final String DELETED = RECORD_EVENT.formatted("commitment.deleted", "commitment", "delete", "");

    private static String event(String type, String recordType, String op, String more) {
        return RECORD_EVENT.formatted(type, recordType, op, more);
    }

    @Test
    void aWebhookEventAsTheServiceSendsItPasses() {
        assertEquals(List.of(), ContractSchemas.problems("WebhookEvent", DELETED));
        assertEquals(List.of(), ContractSchemas.problems("WebhookEvent", """
                        {"id":"3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f","type":"checkin.reminder",
                         "occurredAt":"2026-12-13T17:45:00Z","partnershipId":"c4d5e6f7-a8b9-4c0d-9e1f-2a3b4c5d6e7f",
                         "data":{"partnershipId":"c4d5e6f7-a8b9-4c0d-9e1f-2a3b4c5d6e7f","kind":"weekly",
                                 "startsAt":"2026-12-13T18:00:00Z","endsAt":"2026-12-13T18:15:00Z"}}"""));
    }

    @Test
    void aWebhookEventThatBreaksItsSchemaFails() {
        Map<String, String> wrong = Map.of(
                "an unknown type", event("commitment.created", "commitment", "upsert", ""),
                "a record type of another event", event("commitment.updated", "moment", "upsert", ""),
                "the op of the other event of its family", event("commitment.deleted", "commitment", "upsert", ""),
                "a record of the wrong shape",
                        event("commitment.updated", "commitment", "upsert", ",\"record\":{\"title\":5}"),
                "an undocumented field", event("commitment.deleted", "commitment", "delete", ",\"promiser\":\"x\""),
                "no data", DELETED.replaceAll(",\\s*\"data\":\\{.*}}", "}"));
        wrong.forEach((what, json) ->
                assertTrue(!ContractSchemas.problems("WebhookEvent", json).isEmpty(), what + " must fail: " + json));
        assertThrows(
                AssertionError.class,
                () -> WebhookReceiver.asTheContractSays(new WebhookReceiver.Received(
                        Map.of(
                                "Content-Type", List.of("application/json"),
                                "PartnerSync-Event-Id", List.of("3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f"),
                                "PartnerSync-Event-Type", List.of("commitment.updated"),
                                "PartnerSync-Signature", List.of("t=1,v1=00")),
                        DELETED)),
                "a PartnerSync-Event-Type that is not the body's type");
    }

    @Test
    void aLiveEventIsCheckedByItsNameIdAndData() {
        assertEquals(
                List.of(),
                ContractSchemas.problems(
                        "LiveEvent", ContractSchemas.liveEvent("change", "918273-4", "{\"cursor\":\"djE6MTg0\"}")));
        assertEquals(List.of(), ContractSchemas.problems("LiveEvent", ContractSchemas.liveEvent("change", null, "{}")));
        assertEquals(
                List.of(),
                ContractSchemas.problems(
                        "LiveEvent",
                        ContractSchemas.liveEvent("reauthenticate", null, "{\"reason\":\"token-expiring\"}")));
        assertThrows(
                AssertionError.class,
                () -> SseClient.asTheContractSays(new SseClient.Event(null, "reauthenticate", "{\"reason\":\"bye\"}")));
        assertThrows(
                AssertionError.class,
                () -> SseClient.asTheContractSays(new SseClient.Event(null, "changed", "{}")),
                "an event name the contract does not know");
        assertThrows(
                AssertionError.class,
                () -> SseClient.asTheContractSays(new SseClient.Event(
                        null, "commitment.reminder", "{\"partnershipId\":\"c4d5e6f7-a8b9-4c0d-9e1f-2a3b4c5d6e7f\"}")),
                "a reminder without its fields");
        assertThrows(
                AssertionError.class,
                () -> SseClient.asTheContractSays(new SseClient.Event(null, "change", "not json")),
                "data that is not JSON");
    }
}
