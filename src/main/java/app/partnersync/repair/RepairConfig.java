package app.partnersync.repair;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of repair plans ({@code partnersync.repair.*}). */
@ConfigMapping(prefix = "partnersync.repair")
public interface RepairConfig {

    /** A plan still active this long without rising shared safety scores suggests professional support. */
    @WithDefault("P90D")
    Duration supportAfter();
}
