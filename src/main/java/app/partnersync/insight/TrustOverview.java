package app.partnersync.insight;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The trust dashboard of a partnership (the contract's {@code TrustOverview}). */
public record TrustOverview(
        UUID partnershipId, String window, Instant from, Instant to, Trend trend, List<Member> members) {

    /** Follow-through of the last 28 days against the 28 before (the contract's {@code TrustTrend}). */
    public record Trend(
            String direction, Double recentRate, Double previousRate, int recentDecided, int previousDecided) {}

    /** One member's weeks (the contract's {@code MemberOverview}). */
    public record Member(UUID accountId, String displayName, boolean you, List<Week> weeks) {}

    /** One week of one member (the contract's {@code OverviewWeek}); averages are absent without scores. */
    public record Week(
            LocalDate weekStart,
            int checkInsScheduled,
            int checkInsHeld,
            BigDecimal mood,
            BigDecimal safety,
            BigDecimal connection,
            int kept,
            int missed,
            Double followThroughRate,
            int momentsGiven) {}
}
