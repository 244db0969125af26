package app.partnersync.common;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * One keyset-paged list query, built once for every list endpoint: the scope, optional filters (skipped when the
 * value is null), the cursor condition, newest first, one row more than the page to tell whether another follows.
 */
public final class Listing {

    private final StringBuilder query;
    private Parameters parameters;

    private Listing(String scope, Parameters parameters) {
        this.query = new StringBuilder(scope);
        this.parameters = parameters;
    }

    /** The scope every row must be in, e.g. {@code partnershipId = :partnership}. */
    public static Listing where(String scope, String name, Object value) {
        return new Listing(scope, Parameters.with(name, value));
    }

    /** Adds {@code clause} (using parameter {@code name}) unless {@code value} is null. */
    public Listing filter(String clause, String name, Object value) {
        if (value != null) {
            query.append(" and ").append(clause);
            parameters = parameters.and(name, value);
        }
        return this;
    }

    /** Adds {@code property = :name} unless {@code value} is null. */
    public Listing equal(String property, String name, Object value) {
        return filter(property + " = :" + name, name, value);
    }

    /** Adds a clause and its parameters when {@code condition} holds. */
    public Listing filterIf(boolean condition, String clause, Parameters extra) {
        if (condition) {
            query.append(" and ").append(clause);
            extra.map().forEach((name, value) -> parameters = parameters.and(name, value));
        }
        return this;
    }

    /**
     * Runs the query ordered by ({@code time}, {@code id}) descending after the page's cursor, and builds the page.
     * {@code find} is the entity's Panache {@code find}, e.g. {@code Moment::find}.
     */
    public <E, T> Page<T> page(
            PageRequest page,
            String time,
            String id,
            BiFunction<String, Parameters, PanacheQuery<E>> find,
            Function<E, KeysetCursor> position,
            Function<List<E>, List<T>> view) {
        KeysetCursor after = page.after();
        if (after != null) {
            query.append(" and ").append(KeysetCursor.after(time, id));
            parameters = after.bind(parameters);
        }
        query.append(" order by ").append(time).append(" desc, ").append(id).append(" desc");
        // range() is inclusive: it fetches limit + 1 rows.
        List<E> rows =
                find.apply(query.toString(), parameters).range(0, page.limit()).list();
        return Page.of(rows, page.limit(), position, view);
    }
}
