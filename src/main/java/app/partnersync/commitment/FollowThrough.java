package app.partnersync.commitment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Follow-through of each member over a window (the contract's {@code FollowThrough}). */
public record FollowThrough(String window, Instant from, Instant to, List<Member> members) {

    /** One member's record: counts, rate, streaks, owned misses and a week-by-week series. */
    public record Member(
            UUID accountId,
            String displayName,
            int kept,
            int missed,
            int renegotiated,
            int cancelled,
            Double rate,
            int currentStreak,
            int longestStreak,
            int missesAcknowledgedWithin24h,
            Double acknowledgedShare,
            List<Week> weeks) {}

    /** One week (starting Monday in the member's zone). */
    public record Week(LocalDate weekStart, int kept, int missed, int renegotiated, Double rate) {}

    static Double rate(int kept, int missed) {
        return kept + missed == 0 ? null : (double) kept / (kept + missed);
    }
}
