package app.partnersync.common;

import java.util.List;
import java.util.function.Function;

/** One page of a cursor-paginated list; {@code nextCursor} is absent on the last page. */
public record Page<T>(List<T> items, String nextCursor) {

    /** Default and maximum page sizes shared by every list (the contract's Limit parameter). */
    public static final int DEFAULT_LIMIT = 50;

    public static final int MAX_LIMIT = 100;

    /**
     * The page for up to {@code limit + 1} rows fetched in keyset order: the extra row, if any, only tells that another
     * page follows, whose cursor is the position of the last row shown.
     */
    public static <E, T> Page<T> of(
            List<E> rows, int limit, Function<E, KeysetCursor> position, Function<List<E>, List<T>> view) {
        List<E> shown = rows.subList(0, Math.min(rows.size(), limit));
        String next = rows.size() > limit
                ? position.apply(shown.get(shown.size() - 1)).encode()
                : null;
        return new Page<>(view.apply(shown), next);
    }
}
