package app.partnersync.insight;

import app.partnersync.commitment.FollowThrough;
import java.time.Duration;
import java.time.Instant;

/**
 * The trend of the trust overview: follow-through of the last 28 days against the 28 before them, whatever the
 * window, rising or falling by a step of 0.05, and steady when either period decided too little to tell.
 */
final class Trends {

    /** The trend compares this many days with as many before them. */
    static final Duration PERIOD = Duration.ofDays(28);

    /** A change in follow-through of at least this much is a rise or a fall. */
    static final double STEP = 0.05;

    /** Fewer kept-or-missed occurrences than this in either period: too little to call a trend. */
    static final int MINIMUM = 3;

    /** Keeps a change of exactly {@link #STEP} from being lost to binary fractions (0.85 - 0.8 < 0.05). */
    private static final double TOLERANCE = 1e-9;

    private Trends() {}

    /** Where the recent period starts (and the previous one ends) at {@code now}. */
    static Instant recentFrom(Instant now) {
        return now.minus(PERIOD);
    }

    /** Where the previous period starts at {@code now}. */
    static Instant previousFrom(Instant now) {
        return now.minus(PERIOD.multipliedBy(2));
    }

    /** The trend from the kept and missed occurrences of each period. */
    static TrustOverview.Trend of(int recentKept, int recentMissed, int previousKept, int previousMissed) {
        int recentDecided = recentKept + recentMissed;
        int previousDecided = previousKept + previousMissed;
        Double recent = FollowThrough.rate(recentKept, recentMissed);
        Double previous = FollowThrough.rate(previousKept, previousMissed);
        return new TrustOverview.Trend(
                direction(recent, previous, recentDecided, previousDecided),
                recent,
                previous,
                recentDecided,
                previousDecided);
    }

    private static TrustOverview.Direction direction(
            Double recent, Double previous, int recentDecided, int previousDecided) {
        if (recentDecided < MINIMUM || previousDecided < MINIMUM) {
            return TrustOverview.Direction.steady;
        }
        double change = recent - previous;
        if (change >= STEP - TOLERANCE) {
            return TrustOverview.Direction.rising;
        }
        if (change <= -STEP + TOLERANCE) {
            return TrustOverview.Direction.falling;
        }
        return TrustOverview.Direction.steady;
    }
}
