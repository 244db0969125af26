package app.partnersync.common;

import java.util.List;

/** One page of a cursor-paginated list; {@code nextCursor} is absent on the last page. */
public record Page<T>(List<T> items, String nextCursor) {

    /** Default and maximum page sizes shared by every list (the contract's Limit parameter). */
    public static final int DEFAULT_LIMIT = 20;

    public static final int MAX_LIMIT = 100;
}
