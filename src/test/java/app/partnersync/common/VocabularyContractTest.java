package app.partnersync.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.partnersync.cadence.ScheduleJson;
import app.partnersync.checkin.CheckIn;
import app.partnersync.commitment.Commitment;
import app.partnersync.commitment.FollowThrough;
import app.partnersync.commitment.Occurrence;
import app.partnersync.commitment.OutcomeInput;
import app.partnersync.commitment.Recurrence;
import app.partnersync.identity.Scopes;
import app.partnersync.insight.TrustOverview;
import app.partnersync.milestone.Milestone;
import app.partnersync.moment.Moment;
import app.partnersync.partnership.Invitation;
import app.partnersync.partnership.Partnership;
import app.partnersync.partnership.PartnershipKind;
import app.partnersync.repair.RepairPlan;
import app.partnersync.support.Api;
import app.partnersync.sync.Op;
import app.partnersync.sync.SyncMutationResult;
import app.partnersync.sync.SyncedType;
import app.partnersync.sync.SyncedTypes;
import app.partnersync.webhook.EventTypes;
import app.partnersync.webhook.WebhookDelivery;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every closed vocabulary of the code is the contract's enum, value for value and in the same order (the order error
 * messages list them in): a value added on one side only fails here, before a generated client or the fuzzer finds
 * it. The event types webhooks may subscribe to and the synced record types, which the code derives from the types
 * themselves, are checked the same way.
 */
@QuarkusTest
class VocabularyContractTest {

    private static JsonNode contract;

    @Inject
    EventTypes eventTypes;

    @Inject
    SyncedTypes syncedTypes;

    @BeforeAll
    static void readContract() throws IOException {
        contract = new ObjectMapper(new YAMLFactory()).readTree(Api.CONTRACT.toFile());
    }

    static Stream<Arguments> vocabularies() {
        return Stream.of(
                Arguments.of(PartnershipKind.class, "/components/schemas/PartnershipKind"),
                Arguments.of(Partnership.Status.class, "/components/schemas/Partnership/properties/status"),
                Arguments.of(Partnership.Status.class, "/components/parameters/PartnershipStatus/schema"),
                Arguments.of(Partnership.EndReason.class, "/components/schemas/Partnership/properties/endedReason"),
                Arguments.of(Invitation.Status.class, "/components/schemas/Invitation/properties/status"),
                Arguments.of(Commitment.Status.class, "/components/schemas/Commitment/properties/status"),
                Arguments.of(Commitment.Status.class, "/components/schemas/CommitmentPatch/properties/status"),
                Arguments.of(Commitment.Status.class, "/components/parameters/CommitmentStatus/schema"),
                Arguments.of(Commitment.Status.class, "/components/schemas/Goal/properties/status"),
                Arguments.of(Commitment.Category.class, "/components/schemas/CommitmentCategory"),
                Arguments.of(Recurrence.Frequency.class, "/components/schemas/Recurrence/properties/frequency"),
                Arguments.of(Occurrence.Status.class, "/components/schemas/OccurrenceStatus"),
                Arguments.of(Occurrence.Verdict.class, "/components/schemas/ConfirmationInput/properties/verdict"),
                Arguments.of(OutcomeInput.Outcome.class, "/components/schemas/OutcomeInput/discriminator/mapping"),
                Arguments.of(FollowThrough.Window.class, "/components/schemas/FollowThrough/properties/window"),
                Arguments.of(FollowThrough.Window.class, "/components/parameters/FollowThroughWindow/schema"),
                Arguments.of(TrustOverview.Window.class, "/components/schemas/TrustOverview/properties/window"),
                Arguments.of(TrustOverview.Window.class, "/components/parameters/OverviewWindow/schema"),
                Arguments.of(TrustOverview.Direction.class, "/components/schemas/TrustTrend/properties/direction"),
                Arguments.of(CheckIn.Kind.class, "/components/schemas/CheckInKind"),
                Arguments.of(CheckIn.Status.class, "/components/schemas/CheckIn/properties/status"),
                Arguments.of(CheckIn.Status.class, "/components/parameters/CheckInStatus/schema"),
                Arguments.of(ScheduleJson.Kind.class, "/components/schemas/CheckInScheduleKind"),
                Arguments.of(Moment.Kind.class, "/components/schemas/MomentKind"),
                Arguments.of(Milestone.Kind.class, "/components/schemas/MilestoneKind"),
                Arguments.of(RepairPlan.Status.class, "/components/schemas/RepairPlan/properties/status"),
                Arguments.of(RepairPlan.Status.class, "/components/schemas/RepairPlanPatch/properties/status"),
                Arguments.of(RepairPlan.Status.class, "/components/parameters/RepairPlanStatus/schema"),
                Arguments.of(WebhookDelivery.Status.class, "/components/schemas/WebhookDelivery/properties/status"),
                Arguments.of(Op.class, "/components/schemas/SyncOp"),
                Arguments.of(SyncMutationResult.Status.class, "/components/schemas/MutationStatus"),
                Arguments.of(Moment.Kind.class, "/components/schemas/Moment/discriminator/mapping"),
                Arguments.of(Moment.Kind.class, "/components/schemas/CreateMomentRequest/discriminator/mapping"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("vocabularies")
    <E extends Enum<E>> void anEnumOfTheCodeIsTheContractsEnum(Class<E> vocabulary, String pointer) {
        List<String> code = Arrays.stream(vocabulary.getEnumConstants())
                .map(EnumParameters::spelling)
                .toList();
        assertEquals(contractEnum(pointer), code, vocabulary.getName() + " against " + pointer);
    }

    @Test
    void theEventTypesWebhooksMaySubscribeToAreTheContracts() {
        assertEquals(
                new TreeSet<>(contractEnum("/components/schemas/WebhookEventType")), new TreeSet<>(eventTypes.all()));
    }

    @Test
    void theSyncedTypesAreTheContractsRecordTypes() {
        Set<String> names = new TreeSet<>();
        syncedTypes.all().forEach(type -> names.add(type.name()));
        assertEquals(new TreeSet<>(contractEnum("/components/schemas/SyncChange/discriminator/mapping")), names);
        assertEquals(
                new TreeSet<>(contractEnum("/components/schemas/SyncMutationResult/discriminator/mapping")), names);
        assertEquals(new TreeSet<>(contractEnum("/components/schemas/SyncRecordType")), names);
        for (SyncedType type : syncedTypes.all()) {
            for (String event : type.integrationEvents().types()) {
                assertTrue(eventTypes.all().contains(event), type.name() + " announces " + event);
            }
        }
    }

    /**
     * Each event type has its schema in the {@code WebhookEvent} union, and a record event's schema names the record
     * type and the op the change log announces it with: a type whose events change shape fails here.
     */
    @Test
    void everyWebhookEventTypeHasItsSchemaNamingItsRecordTypeAndOp() {
        JsonNode mapping = contract.at("/components/schemas/WebhookEvent/discriminator/mapping");
        Set<String> mapped = new TreeSet<>();
        mapping.fieldNames().forEachRemaining(mapped::add);
        assertEquals(new TreeSet<>(eventTypes.all()), mapped);
        for (SyncedType type : syncedTypes.all()) {
            for (Op op : Op.values()) {
                String event = type.integrationEvents().typeOf(op);
                if (event == null || !eventTypes.all().contains(event)) {
                    continue;
                }
                String schema = mapping.path(event).asText().replace("#", "");
                assertEquals(List.of(event), contractEnum(schema + "/properties/type"), schema);
                assertEquals(
                        List.of(type.name()), contractEnum(schema + "/properties/data/properties/recordType"), schema);
                assertEquals(List.of(op.name()), contractEnum(schema + "/properties/data/properties/op"), schema);
            }
        }
    }

    @Test
    void theScopesAreTheContracts() {
        assertEquals(contractEnum("/components/schemas/Scope"), Scopes.ALL);
    }

    /**
     * The values at {@code pointer}: an enum's, or the keys of a discriminator's mapping (the values of a property
     * that tells a union's shapes apart), in the contract's order.
     */
    private static List<String> contractEnum(String pointer) {
        if (pointer.endsWith("/discriminator/mapping")) {
            List<String> keys = new ArrayList<>();
            contract.at(pointer).fieldNames().forEachRemaining(keys::add);
            assertTrue(!keys.isEmpty(), "the contract has a discriminator mapping at " + pointer);
            return keys;
        }
        JsonNode values = contract.at(pointer).path("enum");
        assertTrue(values.isArray() && !values.isEmpty(), "the contract has an enum at " + pointer);
        List<String> spelled = new ArrayList<>();
        values.forEach(value -> spelled.add(value.asText()));
        return spelled;
    }
}
