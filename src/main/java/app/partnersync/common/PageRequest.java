package app.partnersync.common;

/**
 * The {@code limit} and {@code cursor} query parameters of a list, parsed once for every resource. Parameters arrive
 * as strings so that {@code limit=abc} is a 400 naming the field rather than the 404 JAX-RS gives a failed conversion.
 */
public record PageRequest(int limit, KeysetCursor after) {

    public static PageRequest of(String limit, String cursor) {
        return new PageRequest(parseLimit(limit), cursor == null || cursor.isEmpty() ? null : parseCursor(cursor));
    }

    /** The {@code limit} parameter alone, for lists whose cursor is not a keyset cursor (the sync feed). */
    public static int limit(String limit) {
        return parseLimit(limit);
    }

    /** Above the maximum is the maximum (a client asking for more simply gets full pages); below 1 is refused. */
    private static int parseLimit(String limit) {
        return clampedLimit("limit", limit, Page.DEFAULT_LIMIT, Page.MAX_LIMIT);
    }

    /**
     * A whole number of items wanted from 1 to {@link Integer#MAX_VALUE} (the contract's range), served as at most
     * {@code max}; absent is {@code absent}; anything else a 400 naming {@code field}.
     */
    public static int clampedLimit(String field, String value, int absent, int max) {
        if (value == null || value.isEmpty()) {
            return absent;
        }
        try {
            int wanted = Integer.parseInt(value);
            if (wanted >= 1) {
                return Math.min(wanted, max);
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.invalidField(field, "must be a whole number from 1 to " + Integer.MAX_VALUE);
    }

    private static KeysetCursor parseCursor(String cursor) {
        if (cursor.length() > 512) {
            throw ProblemException.invalidField("cursor", "must be at most 512 characters");
        }
        return KeysetCursor.decode(cursor);
    }
}
