package app.partnersync.sync;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The key that signs sync cursors, kept in the database so that every instance accepts every other's cursors. Read
 * with plain JDBC: the live-events thread needs it outside any request or transaction.
 */
@ApplicationScoped
public class SyncSecret {

    private final AgroalDataSource dataSource;
    private volatile byte[] secret;

    public SyncSecret(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    byte[] get() {
        byte[] loaded = secret;
        if (loaded == null) {
            try (Connection connection = dataSource.getConnection();
                    Statement statement = connection.createStatement();
                    ResultSet row = statement.executeQuery("select secret from sync_secret where id = 1")) {
                row.next();
                loaded = row.getString(1).getBytes(StandardCharsets.UTF_8);
            } catch (SQLException e) {
                throw new IllegalStateException("could not read the sync cursor secret", e);
            }
            secret = loaded;
        }
        return loaded;
    }
}
