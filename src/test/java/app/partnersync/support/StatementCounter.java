package app.partnersync.support;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hibernate.resource.jdbc.spi.StatementInspector;

/**
 * Counts every SQL statement Hibernate prepares (entity queries, native queries, flushes), for the statement
 * budgets. Test-only: tests of one JVM run one at a time, so "since the last reset" is "by this request".
 */
@PersistenceUnitExtension
@ApplicationScoped
public class StatementCounter implements StatementInspector {

    private final List<String> statements = new CopyOnWriteArrayList<>();

    @Override
    public String inspect(String sql) {
        statements.add(sql);
        return sql;
    }

    public void reset() {
        statements.clear();
    }

    public List<String> statements() {
        return List.copyOf(statements);
    }
}
