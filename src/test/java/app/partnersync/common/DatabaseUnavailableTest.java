package app.partnersync.common;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.partnersync.support.Accounts;
import app.partnersync.support.Api;
import app.partnersync.support.Problems;
import app.partnersync.support.SignedIn;
import app.partnersync.support.Sql;
import app.partnersync.sync.Listener;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.transaction.RollbackException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.transaction.xa.XAException;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * When the database cannot be reached (every pooled connection busy, or the connections lost as in a PostgreSQL
 * restart) a request answers a 503 {@code service-unavailable} problem with Retry-After, never a 500, and the service
 * recovers by itself. Found by reliability/run (docs/reliability.md): these used to be 500 internal-error.
 */
@QuarkusTest
class DatabaseUnavailableTest {

    private static final String UNAVAILABLE = Problems.type("service-unavailable");

    @Inject
    AgroalDataSource database;

    @Test
    void anExhaustedPoolAnswers503AfterTheAcquisitionTimeoutAndRecovers() throws Exception {
        SignedIn me = Accounts.signedIn();
        Duration acquisition =
                database.getConfiguration().connectionPoolConfiguration().acquisitionTimeout();
        List<Connection> held = new ArrayList<>();
        try {
            // Every connection the pool will give, as slow queries would hold them.
            while (true) {
                try {
                    held.add(database.getConnection());
                } catch (SQLException exhausted) {
                    break;
                }
            }
            long t0 = System.nanoTime();
            Response answer = Api.as(me).when().get("/v1/me");
            Duration took = Duration.ofNanos(System.nanoTime() - t0);
            assertUnavailable(answer);
            assertTrue(
                    took.compareTo(acquisition.plusSeconds(3)) < 0,
                    "answered within the acquisition timeout (" + acquisition + "), took " + took);
        } finally {
            for (Connection c : held) {
                c.close();
            }
        }
        Api.as(me).when().get("/v1/me").then().statusCode(200);
    }

    @Test
    void lostConnectionsAnswer503AndTheServiceRecovers() throws Exception {
        SignedIn me = Accounts.signedIn();
        Api.as(me).when().get("/v1/me").then().statusCode(200);
        // What a PostgreSQL restart does to the pool: every connection of this database ends under it.
        String url = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
        String user = ConfigProvider.getConfig()
                .getOptionalValue("quarkus.datasource.username", String.class)
                .orElse("postgres");
        String password = ConfigProvider.getConfig()
                .getOptionalValue("quarkus.datasource.password", String.class)
                .orElse("");
        try (Connection outside = DriverManager.getConnection(url, user, password);
                Statement terminate = outside.createStatement()) {
            terminate.execute("select pg_terminate_backend(pid) from pg_stat_activity"
                    + " where datname = current_database() and pid <> pg_backend_pid()");
        }
        int unavailable = 0;
        int okInARow = 0;
        for (int i = 0; i < 60 && okInARow < 5; i++) {
            Response answer = Api.as(me).when().get("/v1/me");
            if (answer.statusCode() == 200) {
                okInARow++;
            } else {
                okInARow = 0;
                unavailable++;
                assertUnavailable(answer);
            }
        }
        assertEquals(5, okInARow, "recovered; " + unavailable + " answers were 503 on the way");
        // The listener (live events, ended sessions) reconnects by itself; the tests after this one need it.
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (Sql.count(
                        database,
                        "select count(*) from pg_stat_activity where datname = current_database()"
                                + " and application_name = ?",
                        Listener.APPLICATION_NAME)
                < 1) {
            assertTrue(System.nanoTime() < deadline, "the listener reconnected");
            Thread.sleep(100);
        }
    }

    @Test
    void aCommitThatFailsOnALostConnectionCountsAsUnavailable() {
        // What Narayana throws when PostgreSQL goes away at the commit (seen by reliability/run): the driver's error
        // is only a suppressed exception of the RollbackException.
        SQLException terminated =
                new SQLException("FATAL: terminating connection due to administrator command", "57P01");
        XAException xa = new XAException("Error trying to transactionCommit local transaction");
        xa.initCause(terminated);
        RollbackException rollback = new RollbackException("ARJUNA016053: Could not commit transaction.");
        rollback.addSuppressed(xa);
        assertTrue(DatabaseUnavailable.causedBy(new IllegalStateException(rollback)));
        assertFalse(
                DatabaseUnavailable.causedBy(new IllegalStateException(new SQLException("duplicate key", "23505"))));
    }

    private static void assertUnavailable(Response answer) {
        answer.then()
                .statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", equalTo(Integer.toString(DatabaseUnavailable.RETRY_AFTER_SECONDS)))
                .body("type", equalTo(UNAVAILABLE))
                .body("status", equalTo(503));
    }
}
