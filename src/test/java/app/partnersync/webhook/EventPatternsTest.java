package app.partnersync.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Webhook subscriptions: which events a pattern takes, which patterns are worth registering, what a webhook wants. */
class EventPatternsTest {

    private static final Set<String> KNOWN =
            Set.of("commitment.updated", "commitment.occurrence.updated", "moment.updated", "checkin.reminder");

    @ParameterizedTest
    @CsvSource({
        "*, moment.updated, true",
        "moment.updated, moment.updated, true",
        "moment.updated, moment.deleted, false",
        "moment.*, moment.updated, true",
        "commitment.*, commitment.occurrence.updated, true",
        "commitment.occurrence.*, commitment.updated, false",
        "commit.*, commitment.updated, false",
        "moment, moment.updated, false",
        "moment.updated.*, moment.updated, false"
    })
    void aPatternTakesItsTypeItsFamilyOrEverything(String pattern, String type, boolean taken) {
        assertEquals(taken, EventPatterns.matches(pattern, type));
    }

    @Test
    void aPatternIsWorthRegisteringWhenItNamesAKnownTypeOrFamily() {
        assertTrue(EventPatterns.namesAny("*", KNOWN));
        assertTrue(EventPatterns.namesAny("*", Set.of()), "everything, even before any type exists");
        assertTrue(EventPatterns.namesAny("checkin.reminder", KNOWN));
        assertTrue(EventPatterns.namesAny("commitment.occurrence.*", KNOWN));
        assertFalse(EventPatterns.namesAny("checkin.updated", KNOWN));
        assertFalse(EventPatterns.namesAny("repair.*", KNOWN));
        assertFalse(EventPatterns.namesAny("moment.updated", Set.of()));
    }

    @ParameterizedTest
    @CsvSource({
        "*, true",
        "moment.updated, true",
        "commitment.occurrence.*, true",
        "check_in.reminder, true",
        "moment, true",
        "Moment.updated, false",
        "moment.*.updated, false",
        "moment.**, false",
        "*.updated, false",
        "moment., false",
        "moment updated, false"
    })
    void theSpellingOfAPatternIsCheckedBeforeItsMeaning(String pattern, boolean wellFormed) {
        assertEquals(wellFormed, pattern.matches(EventPatterns.SYNTAX));
    }

    @Test
    void aWebhookWantsWhatAnyOfItsPatternsTakes() {
        Webhook webhook = new Webhook();
        webhook.events = String.join(" ", List.of("moment.*", "commitment.updated"));
        assertEquals(List.of("moment.*", "commitment.updated"), webhook.eventList());
        assertTrue(webhook.wants("moment.updated"));
        assertTrue(webhook.wants("moment.deleted"));
        assertTrue(webhook.wants("commitment.updated"));
        assertFalse(webhook.wants("commitment.deleted"));
        assertFalse(webhook.wants("checkin.reminder"));
    }
}
