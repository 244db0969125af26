package app.partnersync.sync;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** What a long-lived holder of a pooled connection (a LISTEN loop) does when something went wrong on it. */
public final class PooledConnections {

    private PooledConnections() {}

    /**
     * Readies a listener's connection to go back to the pool after a failure: a working one stops listening, and a
     * broken one is not handed out again as a good one. A listener talks to the driver's own connection ({@code
     * unwrap(PGConnection.class)}), so the pool never sees that connection fail and would give it to the next request.
     * A statement through the pool's wrapper lets the pool's exception sorter see the connection error and destroy the
     * connection when it is closed.
     */
    public static void releaseListener(Connection connection) {
        try (Statement reset = connection.createStatement()) {
            reset.execute("UNLISTEN *; RESET application_name");
        } catch (SQLException | RuntimeException expectedWhenBroken) {
            // The pool's wrapper has seen it; closing the connection now destroys it instead of pooling it.
        }
    }
}
