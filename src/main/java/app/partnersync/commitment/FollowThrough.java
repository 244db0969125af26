package app.partnersync.commitment;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Follow-through of each member over a window (the contract's {@code FollowThrough}). */
public record FollowThrough(Window window, Instant from, Instant to, List<Member> members) {

    /** How far back the follow-through looks, ending now. */
    public enum Window {
        @JsonProperty("7d")
        days7(7),
        @JsonProperty("30d")
        days30(30),
        @JsonProperty("90d")
        days90(90),
        @JsonProperty("365d")
        days365(365);

        /** The window when none is asked for. */
        public static final Window DEFAULT = days30;

        private final Duration length;

        Window(int days) {
            this.length = Duration.ofDays(days);
        }

        public Duration length() {
            return length;
        }
    }

    /** One member's record: counts, rate, streaks, owned misses and a week-by-week series. */
    public record Member(
            UUID accountId,
            String displayName,
            int kept,
            int missed,
            int renegotiated,
            int cancelled,
            int disputed,
            int lateCancellations,
            Double rate,
            int currentStreak,
            int longestStreak,
            int missesAcknowledgedWithin24h,
            Double acknowledgedShare,
            List<Week> weeks) {}

    /** One week (starting Monday in the member's zone). */
    public record Week(LocalDate weekStart, int kept, int missed, int renegotiated, Double rate) {}

    /**
     * Kept out of kept and missed (renegotiated, cancelled and disputed kept outcomes do not count); none decided, no
     * rate.
     */
    public static Double rate(int kept, int missed) {
        return kept + missed == 0 ? null : (double) kept / (kept + missed);
    }

    /** The share of misses owned within a day; no misses, no share. */
    static Double acknowledgedShare(int acknowledged, int missed) {
        return missed == 0 ? null : (double) acknowledged / missed;
    }
}
