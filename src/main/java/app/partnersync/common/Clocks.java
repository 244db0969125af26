package app.partnersync.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.Duration;

/**
 * The one source of "now", injected everywhere so that time-dependent behaviour is testable. It ticks in whole
 * microseconds, PostgreSQL's precision, so that a time read back equals the time written (keyset cursors rely on it).
 */
@ApplicationScoped
public class Clocks {

    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }
}
