package app.partnersync.commitment;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.partnersync.common.Problem;
import app.partnersync.common.ProblemException;
import app.partnersync.common.ProblemType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The rules of recording an outcome, the partner's verdict and owning a miss, without a database. */
class OutcomesTest {

    private static final Instant DUE = Instant.parse("2026-12-01T18:00:00Z");
    private static final Instant MOVED = Instant.parse("2026-12-01T19:00:00Z");

    @ParameterizedTest
    @EnumSource(OutcomeInput.Outcome.class)
    void nothingChangesOnceThePartnerConfirmed(OutcomeInput.Outcome outcome) {
        ProblemException refused = assertThrows(
                ProblemException.class,
                () -> Outcomes.checkOutcome(
                        Occurrence.Verdict.confirmed,
                        DUE,
                        new OutcomeInput(outcome, null, "reason", null),
                        DUE.minusSeconds(3600)));
        assertEquals(ProblemType.OUTCOME_CONFLICT, refused.type());
        assertEquals("Your partner confirmed this outcome; it can no longer change.", refused.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"-3600, true", "-1, true", "0, false", "1, false", "86400, false"})
    void renegotiatingIsOnlyBeforeTheDueTime(long secondsFromDue, boolean allowed) {
        OutcomeInput renegotiated =
                new OutcomeInput(OutcomeInput.Outcome.renegotiated, null, "Stuck in traffic", MOVED);
        Instant now = DUE.plusSeconds(secondsFromDue);
        if (allowed) {
            assertDoesNotThrow(() -> Outcomes.checkOutcome(null, DUE, renegotiated, now));
        } else {
            ProblemException refused =
                    assertThrows(ProblemException.class, () -> Outcomes.checkOutcome(null, DUE, renegotiated, now));
            assertEquals(ProblemType.OUTCOME_CONFLICT, refused.type());
        }
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", " ", "\t\n"})
    void renegotiatingNeedsAReason(String reason) {
        ProblemException refused = assertThrows(
                ProblemException.class,
                () -> Outcomes.checkOutcome(
                        null,
                        DUE,
                        new OutcomeInput(OutcomeInput.Outcome.renegotiated, null, reason, null),
                        DUE.minusSeconds(60)));
        assertEquals(ProblemType.VALIDATION_FAILED, refused.type());
        assertEquals(List.of(new Problem.FieldError("reason", "is required when renegotiating")), refused.errors());
    }

    @Test
    void aLateRenegotiationIsAConflictEvenWithoutAReason() {
        ProblemException refused = assertThrows(
                ProblemException.class,
                () -> Outcomes.checkOutcome(
                        null, DUE, new OutcomeInput(OutcomeInput.Outcome.renegotiated, null, null, null), DUE));
        assertEquals(ProblemType.OUTCOME_CONFLICT, refused.type());
    }

    @ParameterizedTest
    @CsvSource({"kept, true", "cancelled, true", "missed, true", "renegotiated, false"})
    void movedToIsOnlyForARenegotiation(OutcomeInput.Outcome outcome, boolean refused) {
        String reason = outcome == OutcomeInput.Outcome.renegotiated ? "reason" : null;
        OutcomeInput input = new OutcomeInput(outcome, null, reason, MOVED);
        Instant now = DUE.minusSeconds(60);
        if (refused) {
            ProblemException problem =
                    assertThrows(ProblemException.class, () -> Outcomes.checkOutcome(null, DUE, input, now));
            assertEquals(
                    List.of(new Problem.FieldError("movedTo", "is only for a renegotiated outcome")), problem.errors());
        } else {
            assertDoesNotThrow(() -> Outcomes.checkOutcome(null, DUE, input, now));
        }
    }

    @ParameterizedTest
    @CsvSource({"kept, true", "cancelled, true", "missed, true", "renegotiated, false"})
    void aReasonIsOnlyForARenegotiation(OutcomeInput.Outcome outcome, boolean refused) {
        OutcomeInput input = new OutcomeInput(outcome, null, "Stuck in traffic", null);
        Instant now = DUE.minusSeconds(60);
        if (refused) {
            ProblemException problem =
                    assertThrows(ProblemException.class, () -> Outcomes.checkOutcome(null, DUE, input, now));
            assertEquals(
                    List.of(new Problem.FieldError("reason", "is only for a renegotiated outcome")), problem.errors());
        } else {
            assertDoesNotThrow(() -> Outcomes.checkOutcome(null, DUE, input, now));
        }
    }

    @Test
    void aDisputedOutcomeIsRecordedAgainAndAwaitsANewVerdict() {
        Occurrence occurrence = occurrence(Occurrence.Status.kept);
        occurrence.confirmation = Occurrence.Verdict.disputed;
        occurrence.confirmedBy = UUID.randomUUID();
        occurrence.confirmedAt = DUE;
        occurrence.confirmationNote = "Not really";
        Instant now = DUE.plusSeconds(600);

        Outcomes.record(occurrence, new OutcomeInput(OutcomeInput.Outcome.kept, "Done now", null, null), now);

        assertEquals(Occurrence.Status.kept, occurrence.status);
        assertEquals("Done now", occurrence.note);
        assertEquals(now, occurrence.recordedAt);
        assertNull(occurrence.confirmation);
        assertNull(occurrence.confirmedBy);
        assertNull(occurrence.confirmedAt);
        assertNull(occurrence.confirmationNote);
    }

    @Test
    void onlyAMissKeepsItsTimeAndOnlyARenegotiationItsReason() {
        Occurrence occurrence = occurrence(Occurrence.Status.open);
        Instant early = DUE.minusSeconds(600);

        Outcomes.record(occurrence, new OutcomeInput(OutcomeInput.Outcome.missed, " ", null, null), early);
        assertEquals(Occurrence.Status.missed, occurrence.status);
        assertEquals(early, occurrence.missedAt);
        assertNull(occurrence.movedTo);
        assertNull(occurrence.note, "a blank note is no note");

        Outcomes.record(occurrence, new OutcomeInput(OutcomeInput.Outcome.renegotiated, null, "Traffic", MOVED), early);
        assertEquals(Occurrence.Status.renegotiated, occurrence.status);
        assertNull(occurrence.missedAt);
        assertEquals("Traffic", occurrence.reason);
        assertEquals(MOVED, occurrence.movedTo);
    }

    @ParameterizedTest
    @EnumSource(value = Occurrence.Status.class, names = "kept", mode = EnumSource.Mode.EXCLUDE)
    void onlyAKeptOutcomeTakesAVerdict(Occurrence.Status status) {
        ProblemException refused = assertThrows(ProblemException.class, () -> Outcomes.checkVerdict(status, null));
        assertEquals("Only a kept outcome can be confirmed or disputed.", refused.getMessage());
    }

    @Test
    void aConfirmationIsFinalWhileADisputeMayBeRevisited() {
        assertDoesNotThrow(() -> Outcomes.checkVerdict(Occurrence.Status.kept, null));
        assertDoesNotThrow(() -> Outcomes.checkVerdict(Occurrence.Status.kept, Occurrence.Verdict.disputed));
        ProblemException refused = assertThrows(
                ProblemException.class,
                () -> Outcomes.checkVerdict(Occurrence.Status.kept, Occurrence.Verdict.confirmed));
        assertEquals(ProblemType.OUTCOME_CONFLICT, refused.type());
        assertEquals("This outcome is confirmed already; a confirmation is final.", refused.getMessage());
    }

    @ParameterizedTest
    @EnumSource(Occurrence.Status.class)
    void onlyAMissIsOwned(Occurrence.Status status) {
        if (status == Occurrence.Status.missed) {
            assertDoesNotThrow(() -> Outcomes.checkAcknowledgement(status));
        } else {
            ProblemException refused =
                    assertThrows(ProblemException.class, () -> Outcomes.checkAcknowledgement(status));
            assertEquals(ProblemType.OUTCOME_CONFLICT, refused.type());
        }
    }

    @ParameterizedTest
    @EnumSource(OutcomeInput.Outcome.class)
    void eachOutcomeBecomesTheStatusOfItsName(OutcomeInput.Outcome outcome) {
        assertEquals(outcome.name(), outcome.status().name());
    }

    private static Occurrence occurrence(Occurrence.Status status) {
        Occurrence occurrence = new Occurrence();
        occurrence.dueAt = DUE;
        occurrence.status = status;
        return occurrence;
    }
}
