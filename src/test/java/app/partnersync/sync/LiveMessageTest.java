package app.partnersync.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A reminder or notice as a NOTIFY payload: its JSON, and the recipients read back from it on every instance. */
class LiveMessageTest {

    private final ObjectMapper json = new ObjectMapper();
    private final UUID partnership = UUID.randomUUID();
    private final UUID member = UUID.randomUUID();

    private PartnershipEvent reminder(Recipients to) {
        return new PartnershipEvent.Reminder(
                partnership, "commitment.reminder", Instant.parse("2030-05-01T12:00:00Z"), to, Map.of("title", "x"));
    }

    private JsonNode sent(PartnershipEvent event) throws Exception {
        return json.readTree(json.writeValueAsString(LiveMessage.of(event, Map.of("title", "x"))));
    }

    @Test
    void everyKindOfRecipientsComesBackAsSent() throws Exception {
        for (Recipients to :
                new Recipients[] {Recipients.members(), Recipients.member(member), Recipients.partnerOf(member)}) {
            assertEquals(to, LiveMessage.recipients(sent(reminder(to))), to.toString());
        }
    }

    @Test
    void thePayloadNamesTheEventItsPartnershipAndItsRecipients() throws Exception {
        JsonNode payload = sent(reminder(Recipients.partnerOf(member)));
        assertEquals(LiveMessage.KIND, payload.path("kind").asText());
        assertEquals("commitment.reminder", payload.path("event").asText());
        assertEquals(partnership.toString(), payload.path("partnershipId").asText());
        assertEquals("partnerOf", payload.path("to").asText());
        assertEquals(member.toString(), payload.path("account").asText());
        assertEquals("x", payload.path("data").path("title").asText());
    }

    @Test
    void everyMemberIsToldWithoutAnAccount() throws Exception {
        JsonNode payload = sent(reminder(Recipients.members()));
        assertEquals("members", payload.path("to").asText());
        assertEquals(true, payload.get("account").isNull());
    }

    @Test
    void aPayloadNamingNoKnownRecipientsIsForEveryMember() throws Exception {
        assertEquals(Recipients.members(), LiveMessage.recipients(json.readTree("{\"kind\":\"event\"}")));
        assertEquals(
                Recipients.members(), LiveMessage.recipients(json.readTree("{\"kind\":\"event\",\"to\":\"others\"}")));
    }
}
