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
}
