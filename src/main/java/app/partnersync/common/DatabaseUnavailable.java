package app.partnersync.common;

import java.sql.SQLException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Set;

/**
 * Recognises a failure that says the database cannot be reached right now, rather than that a request or our code is
 * wrong: no pooled connection within the pool's acquisition timeout (every connection busy, or none can be opened),
 * a connection refused, lost or closed (SQLSTATE class 08), or a server shutting down, restarting or out of
 * connection slots. Such a request answers 503 {@code service-unavailable} with {@code Retry-After}, never 500.
 */
public final class DatabaseUnavailable {

    /** Seconds a client should wait before retrying (Retry-After). */
    public static final int RETRY_AFTER_SECONDS = 2;

    /** admin_shutdown, crash_shutdown, cannot_connect_now, too_many_connections. */
    private static final Set<String> STATES = Set.of("57P01", "57P02", "57P03", "53300");

    private DatabaseUnavailable() {}

    /**
     * Whether {@code failure}, or anything that caused it, says the database is unavailable. Suppressed exceptions
     * count too: a commit that fails on a lost connection reports it only as one ({@code RollbackException} with a
     * suppressed {@code XAException} caused by the driver's error).
     */
    public static boolean causedBy(Throwable failure) {
        return causedBy(failure, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private static boolean causedBy(Throwable t, Set<Throwable> seen) {
        if (t == null || !seen.add(t) || seen.size() > 50) {
            return false;
        }
        if (t instanceof SQLException sql && unavailable(sql)) {
            return true;
        }
        for (Throwable suppressed : t.getSuppressed()) {
            if (causedBy(suppressed, seen)) {
                return true;
            }
        }
        return causedBy(t.getCause(), seen);
    }

    private static boolean unavailable(SQLException e) {
        String state = e.getSQLState();
        if (state != null) {
            return state.startsWith("08") || STATES.contains(state);
        }
        // Agroal's "Sorry, acquisition timeout!" (and "Acquisition timeout while waiting for new connection") carry
        // no SQLSTATE.
        String message = e.getMessage();
        return message != null && message.toLowerCase(Locale.ROOT).contains("acquisition timeout");
    }
}
