package app.partnersync.sync;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.partnersync.common.OpaqueTokens;
import app.partnersync.support.Accounts;
import app.partnersync.support.Api;
import app.partnersync.support.IntegrationTokens;
import app.partnersync.support.Pairs;
import app.partnersync.support.Problems;
import app.partnersync.support.ResetTestClockAfterEach;
import app.partnersync.support.SignedIn;
import app.partnersync.support.SseClient;
import app.partnersync.support.TestClock;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Stream tickets: what a browser's EventSource opens the live stream with. Made with an access token, spent on first
 * use, for 60 seconds, never a bearer token, worthless once the session ended.
 */
@QuarkusTest
@ExtendWith(ResetTestClockAfterEach.class)
class StreamTicketTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    TestClock clock;

    @Inject
    AgroalDataSource database;

    private String baseUrl() {
        String url = base.toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static String ticketOf(SignedIn member) {
        return Api.as(member)
                .when()
                .post("/v1/events/tickets")
                .then()
                .statusCode(201)
                .header("Cache-Control", "no-store")
                .body("ticket", matchesPattern("^pst_[A-Za-z0-9_-]{43}$"))
                .body("expiresAt", notNullValue())
                .extract()
                .path("ticket");
    }

    /** GET /v1/events with this ticket, as REST Assured sees it (for the refusals: the problem is validated). */
    private static ValidatableResponse streamWith(String ticket) {
        return Api.invalid()
                .accept("text/event-stream, application/problem+json")
                .queryParam("ticket", ticket)
                .when()
                .get("/v1/events")
                .then();
    }

    private static void refused(ValidatableResponse response) {
        response.statusCode(401)
                .contentType("application/problem+json")
                .body("type", equalTo(Problems.type("unauthorized")));
    }

    @Test
    void aTicketOpensTheStreamOnceAndTheStreamHearsAPartnersChange() throws Exception {
        Pairs.Pair pair = Pairs.aPartnership();
        new SyncClient(pair.invitee()).catchUp();
        String ticket = ticketOf(pair.invitee());
        try (SseClient stream = SseClient.connectWithTicket(baseUrl(), ticket, null)) {
            assertEquals(200, stream.status());
            assertNotNull(stream.await("comment", Duration.ofSeconds(2)), "the stream opens with a comment");
            stream.await("change", Duration.ofMillis(300));
            stream.drain();

            Api.as(pair.inviter())
                    .body(Map.of("displayName", "Sam"))
                    .when()
                    .patch("/v1/me")
                    .then()
                    .statusCode(200);

            SseClient.Event change = stream.await("change", Duration.ofSeconds(3));
            assertNotNull(change, "the ticket's stream hears the partner's change");
            String cursor = JsonPath.from(change.data()).getString("cursor");
            assertEquals(
                    "Sam",
                    app.partnersync.support.SyncFeed.page(pair.invitee(), cursor)
                            .getString("changes[0].record.members[0].displayName"));

            refused(streamWith(ticket));
        }
    }

    @Test
    void ofTwoRequestsRacingForOneTicketExactlyOneIsAdmitted() throws Exception {
        SignedIn member = Accounts.signedIn();
        String ticket = ticketOf(member);
        CompletableFuture<SseClient> first = CompletableFuture.supplyAsync(() -> open(ticket));
        CompletableFuture<SseClient> second = CompletableFuture.supplyAsync(() -> open(ticket));
        try (SseClient a = first.get();
                SseClient b = second.get()) {
            assertEquals(
                    List.of(200, 401),
                    List.of(a.status(), b.status()).stream().sorted().toList());
        }
    }

    private SseClient open(String ticket) {
        try {
            return SseClient.connectWithTicket(baseUrl(), ticket, null);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aTicketIsAcceptedForSixtySecondsOnly() throws Exception {
        SignedIn member = Accounts.signedIn();
        String inTime = ticketOf(member);
        String late = ticketOf(member);
        clock.advance(Duration.ofSeconds(55));
        try (SseClient stream = SseClient.connectWithTicket(baseUrl(), inTime, null)) {
            assertEquals(200, stream.status(), "55 seconds after it was made the ticket still opens the stream");
        }
        clock.advance(Duration.ofSeconds(6));
        refused(streamWith(late));
    }

    @Test
    void unknownAndMalformedTicketsAreRefused() {
        refused(streamWith(OpaqueTokens.generate(OpaqueTokens.STREAM_TICKET)));
        refused(streamWith("not-a-ticket"));
        refused(streamWith(""));
        refused(streamWith("pst_" + "x".repeat(300)));
        refused(streamWith(OpaqueTokens.generate(OpaqueTokens.REFRESH)));
    }

    @Test
    void aTicketOfASessionThatEndedIsRefused() {
        SignedIn member = Accounts.signedIn();
        String ticket = ticketOf(member);
        Api.as(member).when().post("/v1/auth/logout").then().statusCode(204);
        refused(streamWith(ticket));
    }

    @Test
    void theTicketsStreamEndsWhenItsSessionEnds() throws Exception {
        SignedIn member = Accounts.signedIn();
        SignedIn otherDevice = Accounts.login(member, "Tablet");
        try (SseClient ended = SseClient.connectWithTicket(baseUrl(), ticketOf(member), null);
                SseClient kept = SseClient.connectWithTicket(baseUrl(), ticketOf(otherDevice), null)) {
            assertEquals(200, ended.status());
            assertEquals(200, kept.status());
            Api.as(member).when().post("/v1/auth/logout").then().statusCode(204);
            assertTrue(ended.closedWithin(Duration.ofSeconds(3)), "signing out closes the session's stream");
            assertTrue(!kept.closedWithin(Duration.ofMillis(1_500)), "the other session's stream stays open");
        }
    }

    @Test
    void aTicketIsNeverABearerToken() throws Exception {
        SignedIn member = Accounts.signedIn();
        String ticket = ticketOf(member);
        Api.withToken(ticket).when().get("/v1/me").then().statusCode(401);
        Api.withToken(ticket).when().post("/v1/events/tickets").then().statusCode(401);
        try (SseClient stream = SseClient.connect(baseUrl(), ticket, null)) {
            assertEquals(401, stream.status(), "not at the stream either, as a header");
        }
        // Nor as a query parameter anywhere but the stream.
        Api.invalid().queryParam("ticket", ticket).when().get("/v1/me").then().statusCode(401);
        try (SseClient stream = SseClient.connectWithTicket(baseUrl(), ticket, null)) {
            assertEquals(200, stream.status(), "none of those spent it");
        }
    }

    @Test
    void aTicketAndAnAuthorizationHeaderTogetherAre400AndLeaveTheTicketUnspent() throws Exception {
        SignedIn member = Accounts.signedIn();
        String ticket = ticketOf(member);
        Api.as(member)
                .accept("text/event-stream, application/problem+json")
                .queryParam("ticket", ticket)
                .when()
                .get("/v1/events")
                .then()
                .statusCode(400)
                .body("type", equalTo(Problems.type("validation-failed")))
                .body("errors[0].field", equalTo("ticket"));
        try (SseClient stream = SseClient.connectWithTicket(baseUrl(), ticket, null)) {
            assertEquals(200, stream.status());
        }
    }

    @Test
    void integrationTokensGetNoTicket() {
        SignedIn member = Accounts.signedIn();
        String token = IntegrationTokens.create(member, List.of("events:read"), null);
        Api.withToken(token)
                .when()
                .post("/v1/events/tickets")
                .then()
                .statusCode(403)
                .body("type", equalTo(Problems.type("member-token-required")));
    }

    @Test
    void lastEventIdInTheQueryResumesLikeTheHeader() throws Exception {
        Pairs.Pair pair = Pairs.aPartnership();
        String lastId;
        try (SseClient stream = SseClient.connectWithTicket(baseUrl(), ticketOf(pair.invitee()), null)) {
            stream.await("comment", Duration.ofSeconds(2));
            stream.await("change", Duration.ofMillis(300));
            stream.drain();
            Api.as(pair.inviter())
                    .body(Map.of("displayName", "One"))
                    .when()
                    .patch("/v1/partnerships/{id}", pair.partnershipId())
                    .then()
                    .statusCode(200);
            SseClient.Event change = stream.await("change", Duration.ofSeconds(3));
            assertNotNull(change);
            lastId = change.id();
            assertNotNull(lastId);
        }

        try (SseClient quiet = SseClient.connectWithTicket(baseUrl(), ticketOf(pair.invitee()), lastId)) {
            assertNull(quiet.await("change", Duration.ofMillis(800)), "nothing changed since that id");
        }

        Api.as(pair.inviter())
                .body(Map.of("displayName", "Two"))
                .when()
                .patch("/v1/partnerships/{id}", pair.partnershipId())
                .then()
                .statusCode(200);
        try (SseClient resumed = SseClient.connectWithTicket(baseUrl(), ticketOf(pair.invitee()), lastId)) {
            SseClient.Event missed = resumed.await("change", Duration.ofSeconds(3));
            assertNotNull(missed, "a change made while disconnected is reported at once");
            assertNotNull(JsonPath.from(missed.data()).getString("cursor"));
        }
    }

    @Test
    void theTicketsStreamEndsWhenItsAccessTokenExpires() throws Exception {
        Pairs.Pair pair = Pairs.aPartnership();
        String payload = new String(
                java.util.Base64.getUrlDecoder()
                        .decode(pair.invitee().accessToken().split("\\.")[1]),
                java.nio.charset.StandardCharsets.UTF_8);
        Instant now = Instant.now();
        String shortLived = io.smallrye.jwt.build.Jwt.issuer("https://partner-sync.app")
                .audience("partner-sync-api")
                .subject(pair.invitee().accountId().toString())
                .claim("sid", JsonPath.from(payload).getString("sid"))
                .issuedAt(now)
                .expiresAt(now.plusSeconds(4))
                .sign();
        String ticket = Api.withToken(shortLived)
                .when()
                .post("/v1/events/tickets")
                .then()
                .statusCode(201)
                .extract()
                .path("ticket");
        try (SseClient stream = SseClient.connectWithTicket(baseUrl(), ticket, null)) {
            assertEquals(200, stream.status());
            SseClient.Event reauthenticate = stream.await("reauthenticate", Duration.ofSeconds(6));
            assertNotNull(reauthenticate, "told to reconnect before the access token that made the ticket expires");
        }
    }

    @Test
    void onlyTheTicketsHashIsStored() throws Exception {
        SignedIn member = Accounts.signedIn();
        String ticket = ticketOf(member);
        try (Connection connection = database.getConnection();
                PreparedStatement find =
                        connection.prepareStatement("select count(*) from stream_ticket where ticket_hash in (?, ?)")) {
            find.setString(1, ticket);
            find.setString(2, OpaqueTokens.hash(ticket));
            try (ResultSet row = find.executeQuery()) {
                row.next();
                assertEquals(1, row.getInt(1));
            }
        }
        try (Connection connection = database.getConnection();
                PreparedStatement find = connection.prepareStatement(
                        "select count(*) from stream_ticket where ticket_hash = ? or ticket_hash = ?")) {
            find.setString(1, ticket);
            find.setString(2, ticket.substring(4));
            try (ResultSet row = find.executeQuery()) {
                row.next();
                assertTrue(row.getInt(1) == 0, "the secret itself is nowhere");
            }
        }
    }
}
