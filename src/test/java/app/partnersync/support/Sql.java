package app.partnersync.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/** One value read straight from the database, for tests that check what the API cannot show. */
public final class Sql {

    private Sql() {}

    /** The first column of the first row of {@code sql} with {@code parameters} bound in order. */
    public static Object value(DataSource database, String sql, Object... parameters) throws SQLException {
        try (Connection connection = database.getConnection();
                PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getObject(1);
            }
        }
    }

    /** A {@code count(*)} (or any number) read the same way. */
    public static long count(DataSource database, String sql, Object... parameters) throws SQLException {
        return ((Number) value(database, sql, parameters)).longValue();
    }
}
