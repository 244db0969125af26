package app.partnersync.common;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;

/**
 * ETags and conditional requests, the same for every versioned record: the tag is {@code "v<version>"} of the record
 * as the caller sees it; {@code If-None-Match} on reads answers 304, a stale {@code If-Match} on writes 412.
 */
public final class Versions {

    private Versions() {}

    public static EntityTag tag(long version) {
        return new EntityTag("v" + version);
    }

    /** 200 with the record and its tag, or 304 when {@code ifNoneMatch} already names that tag. */
    public static Response read(String ifNoneMatch, long version, Object record) {
        if (ifNoneMatch != null && (ifNoneMatch.trim().equals("*") || names(ifNoneMatch, version, true))) {
            return Response.notModified(tag(version)).build();
        }
        return Response.ok(record).tag(tag(version)).build();
    }

    /** 200 with the record and its tag, after a write. */
    public static Response written(long version, Object record) {
        return Response.ok(record).tag(tag(version)).build();
    }

    /**
     * Throws 412 (with the current tag and record) unless {@code ifMatch} is absent, {@code *}, or names the current
     * version. Call it with the record loaded and locked, inside the writing transaction: comparing here, not through
     * a client version copied onto a managed entity, is what makes the check real.
     */
    public static void requireMatch(String ifMatch, long currentVersion, Object currentRecord) {
        if (ifMatch == null || ifMatch.trim().equals("*") || names(ifMatch, currentVersion, false)) {
            return;
        }
        throw ProblemException.preconditionFailed(currentVersion, currentRecord);
    }

    /**
     * Whether a comma-separated list of entity tags names {@code version}: weak comparison for If-None-Match, strong
     * (a weak tag never matches) for If-Match, as RFC 9110 section 13.1 requires.
     */
    private static boolean names(String header, long version, boolean weak) {
        String wanted = "\"v" + version + "\"";
        return Arrays.stream(header.split(","))
                .map(String::trim)
                .map(t -> weak && t.startsWith("W/") ? t.substring(2) : t)
                .anyMatch(wanted::equals);
    }
}
