package app.partnersync.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.partnersync.support.Api;
import app.partnersync.support.Pairs;
import app.partnersync.support.SseClient;
import app.partnersync.support.SyncFeed;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.URL;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The live stream tells a member when something they can see changed, and resumes with Last-Event-ID. */
@QuarkusTest
class LiveEventsTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    AgroalDataSource database;

    @Inject
    LiveEvents liveEvents;

    private String baseUrl() {
        String url = base.toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    @Test
    void aPartnersChangeArrivesWithACursorThatDeliversIt() throws Exception {
        Pairs.Pair pair = Pairs.aPartnership();
        SyncClient client = new SyncClient(pair.invitee());
        client.catchUp();
        try (SseClient stream = SseClient.connect(baseUrl(), pair.invitee().accessToken(), null)) {
            assertEquals(200, stream.status());
            assertNotNull(stream.await("comment", Duration.ofSeconds(2)), "the stream opens with a comment");

            Api.as(pair.inviter())
                    .body(Map.of("displayName", "Sam"))
                    .when()
                    .patch("/v1/me")
                    .then()
                    .statusCode(200);

            SseClient.Event change = stream.await("change", Duration.ofSeconds(2));
            assertNotNull(change, "a change event within 2 seconds");
            assertNotNull(change.id());
            String cursor = JsonPath.from(change.data()).getString("cursor");
            JsonPath page = SyncFeed.page(pair.invitee(), cursor);
            assertEquals(pair.partnershipId().toString(), page.getString("changes[0].id"));
            assertEquals("Sam", page.getString("changes[0].record.members[0].displayName"));
        }
    }

    @Test
    void heartbeatsKeepTheStreamAliveAndStrangersHearNothing() throws Exception {
        // The stranger's own pairing comes first, and what its stream hears in its first moments is dropped: on a
        // loaded machine the announcement of the stranger's own new partnership may still be on its way.
        Pairs.Pair stranger = Pairs.aPartnership();
        Pairs.Pair pair = Pairs.aPartnership();
        try (SseClient stream = SseClient.connect(baseUrl(), stranger.inviter().accessToken(), null)) {
            stream.await("change", Duration.ofMillis(500));
            stream.drain();
            Api.as(pair.inviter())
                    .body(Map.of("displayName", "Private"))
                    .when()
                    .patch("/v1/partnerships/{id}", pair.partnershipId())
                    .then()
                    .statusCode(200);

            SseClient.Event heartbeat = stream.await("comment", Duration.ofSeconds(3));
            assertNotNull(heartbeat);
            assertNull(
                    stream.await("change", Duration.ofMillis(1_500)), "another partnership's change is not announced");
        }
    }

    @Test
    void resumingWithLastEventIdReportsWhatWasMissed() throws Exception {
        Pairs.Pair pair = Pairs.aPartnership();
        String lastId;
        try (SseClient stream = SseClient.connect(baseUrl(), pair.invitee().accessToken(), null)) {
            Api.as(pair.inviter())
                    .body(Map.of("displayName", "One"))
                    .when()
                    .patch("/v1/partnerships/{id}", pair.partnershipId())
                    .then()
                    .statusCode(200);
            SseClient.Event change = stream.await("change", Duration.ofSeconds(2));
            assertNotNull(change);
            lastId = change.id();
        }

        // Nothing changed since: resuming is quiet.
        try (SseClient quiet = SseClient.connect(baseUrl(), pair.invitee().accessToken(), lastId)) {
            assertNull(quiet.await("change", Duration.ofMillis(800)));
        }

        Api.as(pair.inviter())
                .body(Map.of("displayName", "Two"))
                .when()
                .patch("/v1/partnerships/{id}", pair.partnershipId())
                .then()
                .statusCode(200);
        try (SseClient resumed = SseClient.connect(baseUrl(), pair.invitee().accessToken(), lastId)) {
            SseClient.Event missed = resumed.await("change", Duration.ofSeconds(2));
            assertNotNull(missed, "a change made while disconnected is reported at once");
            assertTrue(JsonPath.from(missed.data()).getString("cursor") != null);
        }
    }

    @Test
    void aStreamEndsWithReauthenticateWhenItsTokenExpires() throws Exception {
        Pairs.Pair pair = Pairs.aPartnership();
        String payload = new String(
                java.util.Base64.getUrlDecoder()
                        .decode(pair.invitee().accessToken().split("\\.")[1]),
                java.nio.charset.StandardCharsets.UTF_8);
        java.time.Instant now = java.time.Instant.now();
        String shortLived = io.smallrye.jwt.build.Jwt.issuer("https://partner-sync.app")
                .audience("partner-sync-api")
                .subject(pair.invitee().accountId().toString())
                .claim("sid", JsonPath.from(payload).getString("sid"))
                .issuedAt(now)
                .expiresAt(now.plusSeconds(4))
                .sign();

        try (SseClient stream = SseClient.connect(baseUrl(), shortLived, null)) {
            assertEquals(200, stream.status());
            SseClient.Event reauthenticate = stream.await("reauthenticate", Duration.ofSeconds(6));
            assertNotNull(reauthenticate, "told to reconnect before the token expires");
            assertTrue(reauthenticate.data().contains("token-expiring"));
        }
    }

    @Test
    void withoutATokenTheStreamIsRefused() throws Exception {
        try (SseClient stream = SseClient.connect(baseUrl(), "not-a-token", null)) {
            assertEquals(401, stream.status());
        }
    }

    @Test
    void aChangeCommittedBeforeTheStreamOpensButNotYetPullableIsStillAnnounced() throws Exception {
        Pairs.Pair pair = Pairs.aPartnership();
        // The case at stake is an instance with no stream at all: wait until earlier tests' closed streams are gone
        // (a closed stream is noticed at its next heartbeat, every second in tests).
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (liveEvents.connected() > 0) {
            assertTrue(System.nanoTime() < deadline, "streams of earlier tests still registered after 10 s");
            Thread.sleep(50);
        }
        try (Connection holder = database.getConnection()) {
            // An older transaction still in flight: changes committed after it began are not pullable until it ends.
            holder.setAutoCommit(false);
            try (Statement statement = holder.createStatement()) {
                statement.execute("select pg_current_xact_id()");
            }
            Api.as(pair.inviter())
                    .body(Map.of("displayName", "Robin"))
                    .when()
                    .patch("/v1/me")
                    .then()
                    .statusCode(200);
            Thread.sleep(300); // the notification has arrived and waits for the older transaction
            try (SseClient stream = SseClient.connect(baseUrl(), pair.invitee().accessToken(), null)) {
                assertEquals(200, stream.status());
                holder.rollback();
                assertNotNull(
                        stream.await("change", Duration.ofSeconds(3)),
                        "the change is announced once it can be pulled, though it committed before the stream opened");
            }
        }
    }
}
