package app.partnersync.sync;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the change feed and the live stream ({@code partnersync.sync.*}). */
@ConfigMapping(prefix = "partnersync.sync")
public interface SyncConfig {

    /** How long changes and tombstones are kept; an older cursor answers 410 and the client resyncs. */
    @WithDefault("P30D")
    Duration retention();

    /** How often the live stream sends a heartbeat comment. */
    @WithDefault("PT15S")
    Duration heartbeat();

    /** How long a stream ticket ({@code POST /v1/events/tickets}) can wait for its one use. */
    @WithDefault("PT60S")
    Duration streamTicketLifetime();

    /** How long the result of an Idempotency-Key is replayed. */
    @WithDefault("PT24H")
    Duration idempotencyRetention();
}
