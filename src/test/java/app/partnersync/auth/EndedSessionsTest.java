package app.partnersync.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.partnersync.support.Accounts;
import app.partnersync.support.Api;
import app.partnersync.support.SignedIn;
import app.partnersync.sync.Listener;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Base64;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * Access tokens of ended sessions are refused from memory on every instance: a session ended by another instance (here:
 * by a statement outside this service) is refused as soon as the notification arrives, and a lost LISTEN connection
 * lets nothing through while it is re-established.
 */
@QuarkusTest
class EndedSessionsTest {

    @Inject
    EndedSessions endedSessions;

    @Inject
    AgroalDataSource database;

    @Test
    void aSessionEndedElsewhereIsRefusedOnceItsEndIsAnnounced() throws Exception {
        eventually(endedSessions::complete, "the listener is connected and has loaded the recent endings");
        SignedIn alice = Accounts.signedIn();
        Api.as(alice).when().get("/v1/me").then().statusCode(200);

        endElsewhere(alice);

        eventually(() -> status(alice) == 401, "the token of the ended session is refused");
        assertTrue(endedSessions.complete(), "refused from memory, not because the listener fell back");
    }

    @Test
    void signingOutRefusesTheTokenOnTheVeryNextRequest() {
        for (int i = 0; i < 20; i++) {
            SignedIn bob = Accounts.signedIn();
            Api.as(bob).when().post("/v1/auth/logout").then().statusCode(204);
            assertEquals(401, status(bob), "no race with the notification on the instance that ended it");
        }
    }

    @Test
    void nothingSlipsThroughWhileTheListenerReconnects() throws Exception {
        eventually(endedSessions::complete, "the listener is connected");
        SignedIn before = Accounts.signedIn();
        SignedIn during = Accounts.signedIn();
        int listener = listenerPid();

        try (Connection connection = database.getConnection();
                PreparedStatement terminate = connection.prepareStatement("select pg_terminate_backend(?)")) {
            terminate.setInt(1, listener);
            terminate.execute();
        }
        endElsewhere(during);
        // Whether the guard is still on its way to noticing, asks the database meanwhile, or has reconnected and
        // reloaded: the token is refused.
        assertEquals(401, status(during));

        eventually(() -> endedSessions.complete() && listenerPidOrZero() != listener, "the listener is back");
        for (int i = 0; i < 20; i++) {
            try (Connection connection = database.getConnection();
                    PreparedStatement probe = connection.prepareStatement("select 1")) {
                probe.execute(); // the listener's dead connection was not put back into the pool
            }
        }
        assertEquals(401, status(during), "the ending announced while disconnected was loaded on reconnect");
        assertEquals(200, status(before));
        endElsewhere(before);
        eventually(() -> status(before) == 401, "notifications arrive on the new connection");
    }

    private int status(SignedIn account) {
        return Api.as(account).when().get("/v1/me").then().extract().statusCode();
    }

    /** Ends the session the way another instance's transaction would, unseen by this one until the NOTIFY. */
    private void endElsewhere(SignedIn account) throws Exception {
        try (Connection connection = database.getConnection();
                PreparedStatement end =
                        connection.prepareStatement("update auth_session set revoked_at = now() where id = ?")) {
            end.setObject(1, sessionOf(account));
            assertEquals(1, end.executeUpdate());
        }
    }

    private static UUID sessionOf(SignedIn account) {
        String payload = new String(
                Base64.getUrlDecoder().decode(account.accessToken().split("\\.")[1]), StandardCharsets.UTF_8);
        java.util.regex.Matcher sid = java.util.regex.Pattern.compile("\"sid\"\\s*:\\s*\"([0-9a-f-]{36})\"")
                .matcher(payload);
        assertTrue(sid.find(), payload);
        return UUID.fromString(sid.group(1));
    }

    private int listenerPid() throws Exception {
        int pid = listenerPidOrZero();
        assertTrue(pid != 0, "a backend named " + Listener.APPLICATION_NAME);
        return pid;
    }

    private int listenerPidOrZero() {
        try (Connection connection = database.getConnection();
                PreparedStatement find = connection.prepareStatement("select pid from pg_stat_activity"
                        + " where datname = current_database() and application_name = ? order by backend_start desc"
                        + " limit 1")) {
            find.setString(1, Listener.APPLICATION_NAME);
            try (ResultSet rows = find.executeQuery()) {
                return rows.next() ? rows.getInt(1) : 0;
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void eventually(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 10 s: " + what);
            }
            Thread.sleep(20);
        }
    }
}
