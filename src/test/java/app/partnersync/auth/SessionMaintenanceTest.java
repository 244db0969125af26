package app.partnersync.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.partnersync.support.Accounts;
import app.partnersync.support.Api;
import app.partnersync.support.ResetTestClockAfterEach;
import app.partnersync.support.SignedIn;
import app.partnersync.support.Sql;
import app.partnersync.support.TestClock;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Ended sessions and their spent refresh tokens do not pile up forever; live ones are untouched. */
@QuarkusTest
@ExtendWith(ResetTestClockAfterEach.class)
class SessionMaintenanceTest {

    @Inject
    TestClock clock;

    @Inject
    SessionMaintenance maintenance;

    @Inject
    AgroalDataSource database;

    @Test
    void endedSessionsGoAfterTheRetentionWithTheirTokens() throws Exception {
        SignedIn ended = Accounts.signedIn();
        Api.anonymous()
                .body(Map.of("refreshToken", ended.refreshToken()))
                .when()
                .post("/v1/auth/refresh")
                .then()
                .statusCode(200);
        Api.as(Accounts.login(ended, "laptop"))
                .when()
                .post("/v1/auth/logout")
                .then()
                .statusCode(204);
        assertEquals(
                3,
                count(
                        "select count(*) from refresh_token t join auth_session s on s.id = t.session_id"
                                + " where s.account_id = ?",
                        ended.accountId()),
                "two tokens of the first session (spent and current), one of the second");

        clock.advance(Duration.ofDays(31));
        maintenance.sweep();
        assertEquals(
                1,
                count("select count(*) from auth_session where account_id = ?", ended.accountId()),
                "the logged-out session is gone; the other one is only idle and expires later");

        clock.advance(Duration.ofDays(30));
        maintenance.sweep();
        assertEquals(0, count("select count(*) from auth_session where account_id = ?", ended.accountId()));
        assertEquals(
                0,
                count(
                        "select count(*) from refresh_token t where not exists"
                                + " (select 1 from auth_session s where s.id = t.session_id)",
                        null));
    }

    private long count(String sql, UUID account) throws Exception {
        return account == null ? Sql.count(database, sql) : Sql.count(database, sql, account);
    }
}
