package app.partnersync.common;

import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** Values of native-query result rows, whichever JDBC type the driver hands back for them. */
public final class SqlValues {

    private SqlValues() {}

    /** The rows of a native query made with {@code Tuple.class}, each read by column name. */
    @SuppressWarnings("unchecked")
    public static List<Tuple> tuples(Query query) {
        return (List<Tuple>) query.getResultList();
    }

    public static Instant instant(Object value) {
        return value instanceof Timestamp t
                ? t.toInstant()
                : value instanceof OffsetDateTime o ? o.toInstant() : (Instant) value;
    }

    public static LocalDate localDate(Object value) {
        return value instanceof Date date ? date.toLocalDate() : (LocalDate) value;
    }

    /** A count (or null, as zero). */
    public static int count(Object value) {
        return value == null ? 0 : ((Number) value).intValue();
    }
}
