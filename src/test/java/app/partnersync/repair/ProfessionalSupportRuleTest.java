package app.partnersync.repair;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import app.partnersync.repair.ProfessionalSupportRule.Cleared;
import app.partnersync.repair.ProfessionalSupportRule.Suggested;
import app.partnersync.repair.ProfessionalSupportRule.Unchanged;
import app.partnersync.repair.ProfessionalSupportRule.Verdict;
import app.partnersync.repair.RepairPlanView.ProfessionalSupport;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The professional-support rule of repair plans: active past the threshold without shared safety rising by half a
 * point suggests support, with a reason; anything else clears it; scores that did not move change nothing.
 */
class ProfessionalSupportRuleTest {

    private static final Duration AFTER = Duration.ofDays(90);
    private static final Instant NOW = Instant.parse("2027-06-01T12:00:00Z");
    private static final Instant MADE_97_DAYS_AGO = NOW.minus(Duration.ofDays(97));
    private static final Instant MADE_89_DAYS_AGO = NOW.minus(Duration.ofDays(89));
    private static final Instant FIRST_SUGGESTED = NOW.minus(Duration.ofDays(5));

    private static BigDecimal score(String value) {
        return value == null ? null : new BigDecimal(value);
    }

    private static ProfessionalSupport carried(String start, String recent) {
        return new ProfessionalSupport("earlier reason", FIRST_SUGGESTED, 92, score(start), score(recent));
    }

    private static Verdict review(Instant createdAt, ProfessionalSupport current, String start, String recent) {
        return ProfessionalSupportRule.review(createdAt, current, score(start), score(recent), NOW, AFTER);
    }

    private static ProfessionalSupport suggested(Verdict verdict) {
        return assertInstanceOf(Suggested.class, verdict).support();
    }

    @Test
    void aPlanYoungerThanTheThresholdSuggestsNothing() {
        assertInstanceOf(Unchanged.class, review(MADE_89_DAYS_AGO, null, "2.00", "2.00"));
    }

    @Test
    void aPlanYoungerThanTheThresholdLosesASuggestionItCarries() {
        assertInstanceOf(Cleared.class, review(MADE_89_DAYS_AGO, carried("2.00", "2.00"), "2.00", "2.00"));
    }

    @Test
    void aPlanExactlyAtTheThresholdSuggests() {
        ProfessionalSupport support = suggested(review(NOW.minus(AFTER), null, null, null));
        assertEquals(90, support.activeDays());
    }

    @Test
    void withoutScoresTheReasonSaysSoAndTheSuggestionStartsNow() {
        ProfessionalSupport support = suggested(review(MADE_97_DAYS_AGO, null, null, null));
        assertEquals(
                "Active for 97 days without shared emotional-safety scores in its check-ins that show a rise.",
                support.reason());
        assertEquals(NOW, support.since());
        assertEquals(97, support.activeDays());
        assertNull(support.safetyAtStart());
        assertNull(support.safetyRecent());
    }

    @Test
    void aScoreInOnlyOnePeriodCountsAsNoRise() {
        ProfessionalSupport support = suggested(review(MADE_97_DAYS_AGO, null, "2.00", null));
        assertEquals(
                "Active for 97 days without shared emotional-safety scores in its check-ins that show a rise.",
                support.reason());
        assertEquals(score("2.00"), support.safetyAtStart());
        assertNull(support.safetyRecent());
    }

    @ParameterizedTest(name = "{0} -> {1}: suggested {2}")
    @CsvSource({"2.50, 3.00, false", "2.50, 2.99, true", "2.50, 2.50, true", "2.50, 2.25, true", "1.00, 4.50, false"})
    void onlyARiseOfHalfAPointOrMoreKeepsSupportAway(String start, String recent, boolean suggestedSupport) {
        Verdict verdict = review(MADE_97_DAYS_AGO, null, start, recent);
        assertEquals(suggestedSupport ? Suggested.class : Unchanged.class, verdict.getClass());
    }

    @Test
    void fallingScoresAreNamedInTheReason() {
        ProfessionalSupport support = suggested(review(MADE_97_DAYS_AGO, null, "2.50", "2.25"));
        assertEquals(
                "Active for 97 days; the shared emotional-safety scores of its check-ins went from 2.50 to 2.25.",
                support.reason());
        assertEquals(score("2.50"), support.safetyAtStart());
        assertEquals(score("2.25"), support.safetyRecent());
    }

    @Test
    void scoresThatDidNotMoveLeaveTheSuggestionAsItIs() {
        assertInstanceOf(Unchanged.class, review(MADE_97_DAYS_AGO, carried("2.50", "2.25"), "2.50", "2.25"));
        assertInstanceOf(Unchanged.class, review(MADE_97_DAYS_AGO, carried(null, null), null, null));
    }

    @Test
    void movedScoresRenewTheReasonButKeepWhenSupportWasFirstSuggested() {
        ProfessionalSupport support = suggested(review(MADE_97_DAYS_AGO, carried("2.50", "2.25"), "2.50", "2.00"));
        assertEquals(FIRST_SUGGESTED, support.since());
        assertEquals(97, support.activeDays());
        assertEquals(
                "Active for 97 days; the shared emotional-safety scores of its check-ins went from 2.50 to 2.00.",
                support.reason());
    }

    @Test
    void aRiseClearsASuggestionThePlanCarries() {
        assertInstanceOf(Cleared.class, review(MADE_97_DAYS_AGO, carried("2.00", "2.25"), "2.00", "2.50"));
    }
}
