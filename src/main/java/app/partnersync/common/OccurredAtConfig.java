package app.partnersync.common;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Bounds of a client's own time for what it did ({@code partnersync.occurred-at.*}, see {@link ActionTime}). */
@ConfigMapping(prefix = "partnersync.occurred-at")
public interface OccurredAtConfig {

    /** The oldest client time accepted, counted back from receipt: how long an offline edit may wait to be sent. */
    @WithDefault("PT72H")
    Duration maxAge();
}
