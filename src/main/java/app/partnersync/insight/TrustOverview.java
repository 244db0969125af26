package app.partnersync.insight;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The trust dashboard of a partnership (the contract's {@code TrustOverview}). */
public record TrustOverview(
        UUID partnershipId, Window window, Instant from, Instant to, Trend trend, List<Member> members) {

    /** How far back the overview looks, ending now. */
    public enum Window {
        @JsonProperty("30d")
        days30(30),
        @JsonProperty("90d")
        days90(90),
        @JsonProperty("180d")
        days180(180),
        @JsonProperty("365d")
        days365(365);

        /** The window when none is asked for. */
        public static final Window DEFAULT = days90;

        private final Duration length;

        Window(int days) {
            this.length = Duration.ofDays(days);
        }

        public Duration length() {
            return length;
        }
    }

    /** Which way follow-through went. */
    public enum Direction {
        rising,
        steady,
        falling
    }

    /** Follow-through of the last 28 days against the 28 before (the contract's {@code TrustTrend}). */
    public record Trend(
            Direction direction, Double recentRate, Double previousRate, int recentDecided, int previousDecided) {}

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
