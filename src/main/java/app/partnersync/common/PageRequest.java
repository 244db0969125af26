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

    private static int parseLimit(String limit) {
        if (limit == null || limit.isEmpty()) {
            return Page.DEFAULT_LIMIT;
        }
        try {
            int value = Integer.parseInt(limit);
            if (value >= 1 && value <= Page.MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // falls through to the validation problem below
        }
        throw ProblemException.invalidField("limit", "must be a whole number from 1 to " + Page.MAX_LIMIT);
    }

    private static KeysetCursor parseCursor(String cursor) {
        if (cursor.length() > 512) {
            throw ProblemException.invalidField("cursor", "must be at most 512 characters");
        }
        return KeysetCursor.decode(cursor);
    }
}
