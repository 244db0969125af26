package app.partnersync.repair;

import app.partnersync.repair.RepairPlanView.ProfessionalSupport;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * When an active repair plan suggests professional support: once it has been active for {@code supportAfter} and
 * the shared safety of its review check-ins did not rise by {@link #RISE} from its first period to the recent one.
 * The hourly review applies what this decides; it changes a plan (and so syncs it) only when the suggestion appears,
 * goes, or its scores move.
 */
final class ProfessionalSupportRule {

    /** Shared safety must rise at least this much, from the plan's first 28 days to its last, to count as rising. */
    static final BigDecimal RISE = new BigDecimal("0.5");

    private ProfessionalSupportRule() {}

    /** What the review does to one plan. */
    sealed interface Verdict permits Unchanged, Cleared, Suggested {}

    /** The plan stays as it is. */
    record Unchanged() implements Verdict {}

    /** The plan no longer suggests support. */
    record Cleared() implements Verdict {}

    /** The plan suggests support, for this reason. */
    record Suggested(ProfessionalSupport support) implements Verdict {}

    /**
     * The verdict on an active plan made at {@code createdAt} that carries {@code current} (null: no suggestion),
     * given the average shared safety of its first period ({@code start}) and recent one ({@code recent}), null where
     * no score was shared.
     */
    static Verdict review(
            Instant createdAt,
            ProfessionalSupport current,
            BigDecimal start,
            BigDecimal recent,
            Instant now,
            Duration supportAfter) {
        boolean risen = start != null && recent != null && recent.compareTo(start.add(RISE)) >= 0;
        boolean suggest = !createdAt.isAfter(now.minus(supportAfter)) && !risen;
        if (!suggest) {
            return current == null ? new Unchanged() : new Cleared();
        }
        // Both sides have two decimals (round(…, 2) in the query, numeric(3, 2) in the table): equals compares values.
        if (current != null
                && Objects.equals(start, current.safetyAtStart())
                && Objects.equals(recent, current.safetyRecent())) {
            return new Unchanged();
        }
        int days = (int) Duration.between(createdAt, now).toDays();
        return new Suggested(new ProfessionalSupport(
                reason(days, start, recent), current == null ? now : current.since(), days, start, recent));
    }

    private static String reason(int days, BigDecimal start, BigDecimal recent) {
        return start != null && recent != null
                ? String.format(
                        Locale.ROOT,
                        "Active for %d days; the shared emotional-safety scores of its check-ins went from %s to %s.",
                        days,
                        start.toPlainString(),
                        recent.toPlainString())
                : String.format(
                        Locale.ROOT,
                        "Active for %d days without shared emotional-safety scores in its check-ins that show a rise.",
                        days);
    }
}
