package app.partnersync.commitment;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of commitments and their sweeps ({@code partnersync.commitments.*}). */
@ConfigMapping(prefix = "partnersync.commitments")
public interface CommitmentConfig {

    /** An occurrence still open this long after its due time becomes missed by itself. */
    @WithDefault("PT2H")
    Duration missedAfter();

    /** How far ahead occurrences exist as rows (must exceed the longest reminder lead, 7 days). */
    @WithDefault("P14D")
    Duration horizon();

    /** A revision of a miss the partner has not answered this long after it was asked for lapses: the miss stands. */
    @WithDefault("P7D")
    Duration revisionLapse();

    /** Cancelling less than this before the due time (or after it) counts as a late cancellation. */
    @WithDefault("PT2H")
    Duration lateCancellationLead();
}
