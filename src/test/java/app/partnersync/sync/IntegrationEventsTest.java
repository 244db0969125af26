package app.partnersync.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The webhook event types a synced type describes itself with, and the type of each of its changes. */
class IntegrationEventsTest {

    @Test
    void aTypeWithoutIntegrationEventsHasNoneAndNamesNoChange() {
        assertEquals(Set.of(), SyncedType.IntegrationEvents.NONE.types());
        assertNull(SyncedType.IntegrationEvents.NONE.typeOf(Op.upsert));
        assertNull(SyncedType.IntegrationEvents.NONE.typeOf(Op.delete));
    }

    @Test
    void aFamilyAnnouncesUpdatesAndOnlyWithDeletionsOffersDeletedToSubscribe() {
        SyncedType.IntegrationEvents moments = SyncedType.IntegrationEvents.family("moment");
        assertEquals(List.of("moment.updated"), List.copyOf(moments.types()));
        assertEquals(
                List.of("commitment.updated", "commitment.deleted"),
                List.copyOf(SyncedType.IntegrationEvents.family("commitment")
                        .withDeletions()
                        .types()));
    }

    @Test
    void aChangeIsNamedByItsFamilyAndOp() {
        SyncedType.IntegrationEvents plans = SyncedType.IntegrationEvents.family("repair_plan");
        assertEquals("repair_plan.updated", plans.typeOf(Op.upsert));
        assertEquals("repair_plan.deleted", plans.typeOf(Op.delete));
    }

    @Test
    void consentAndDeletionsCombineInEitherOrder() {
        SyncedType.IntegrationEvents one =
                SyncedType.IntegrationEvents.family("checkin").consentRequired().withDeletions();
        SyncedType.IntegrationEvents other =
                SyncedType.IntegrationEvents.family("checkin").withDeletions().consentRequired();
        assertEquals(one, other);
        assertTrue(one.consented());
        assertTrue(one.deletions());
        assertFalse(SyncedType.IntegrationEvents.family("checkin").consented());
    }
}
