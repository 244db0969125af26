package app.partnersync.moment;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.partnersync.common.Problem;
import app.partnersync.common.ProblemException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which fields each kind of moment takes, and how long a cool-off lasts. */
class MomentRulesTest {

    private static final Instant ARRIVAL = Instant.parse("2026-12-01T18:30:00Z");
    private static final CreateMomentRequest.OccurrenceRef OCCURRENCE =
            new CreateMomentRequest.OccurrenceRef(UUID.randomUUID(), LocalDate.parse("2026-12-01"));

    @Test
    void anAppreciationNeedsItsMessage() {
        assertRefused(
                request(Moment.Kind.appreciation, null, null, null, null),
                "message",
                "is required for an appreciation");
        assertDoesNotThrow(
                () -> MomentRules.checkFields(request(Moment.Kind.appreciation, "Thanks", null, null, null)));
    }

    @ParameterizedTest
    @CsvSource({
        "appreciation, arrivalAt",
        "appreciation, occurrence",
        "appreciation, minutes",
        "running_late, minutes",
        "cool_off, arrivalAt",
        "cool_off, occurrence"
    })
    void aFieldThatDoesNotApplyToTheKindIsRefused(Moment.Kind kind, String field) {
        CreateMomentRequest request = request(
                kind,
                "A message",
                field.equals("arrivalAt") || kind == Moment.Kind.running_late ? ARRIVAL : null,
                field.equals("occurrence") ? OCCURRENCE : null,
                field.equals("minutes") ? 15 : null);
        assertRefused(request, field, "does not apply to a " + kind + " moment");
    }

    @Test
    void runningLateNeedsTheNewArrivalTimeAndMayNameAnOccurrence() {
        assertRefused(
                request(Moment.Kind.running_late, null, null, OCCURRENCE, null),
                "arrivalAt",
                "is required when running late: the new arrival time");
        assertDoesNotThrow(
                () -> MomentRules.checkFields(request(Moment.Kind.running_late, null, ARRIVAL, OCCURRENCE, null)));
    }

    @Test
    void aCoolOffTakesAMessageAndMinutes() {
        assertDoesNotThrow(
                () -> MomentRules.checkFields(request(Moment.Kind.cool_off, "Need a moment", null, null, 30)));
    }

    @Test
    void theFirstMissingOrExtraFieldIsTheOneNamed() {
        // An appreciation without a message and with an arrival time: the message is named first.
        assertRefused(
                request(Moment.Kind.appreciation, null, ARRIVAL, null, 5),
                "message",
                "is required for an appreciation");
    }

    @ParameterizedTest
    @CsvSource({", 2026-12-01T18:10:00Z", "1, 2026-12-01T18:01:00Z", "120, 2026-12-01T20:00:00Z"})
    void aCoolOffLastsItsMinutesOrTenByDefault(Integer minutes, Instant ends) {
        assertEquals(ends, MomentRules.coolOffEnds(Instant.parse("2026-12-01T18:00:00Z"), minutes));
    }

    @Test
    void aRunningLateNoticeWithoutAMessageRenegotiatesWithAPlainReason() {
        assertEquals("Running late", MomentRules.renegotiationReason(null));
        assertEquals("Ten minutes out", MomentRules.renegotiationReason("Ten minutes out"));
    }

    private static void assertRefused(CreateMomentRequest request, String field, String message) {
        ProblemException refused = assertThrows(ProblemException.class, () -> MomentRules.checkFields(request));
        assertEquals(List.of(new Problem.FieldError(field, message)), refused.errors());
    }

    private static CreateMomentRequest request(
            Moment.Kind kind,
            String message,
            Instant arrivalAt,
            CreateMomentRequest.OccurrenceRef occurrence,
            Integer minutes) {
        return new CreateMomentRequest(null, kind, message, arrivalAt, occurrence, minutes);
    }
}
