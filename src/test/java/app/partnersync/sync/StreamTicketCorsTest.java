package app.partnersync.sync;

import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import app.partnersync.support.Accounts;
import app.partnersync.support.Api;
import app.partnersync.support.SignedIn;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The CORS answers of the ticket flow when an operator allows a web app's origin (the contract's "Live events in a
 * browser"): the preflight of the ticket's POST with Authorization, and the EventSource GET with the ticket. Another
 * origin gets no grant.
 */
@QuarkusTest
@TestProfile(StreamTicketCorsTest.WebAppOrigin.class)
class StreamTicketCorsTest {

    static final String ORIGIN = "https://app.example.test";

    /** What an operator sets: QUARKUS_HTTP_CORS_ENABLED and QUARKUS_HTTP_CORS_ORIGINS, nothing else. */
    public static class WebAppOrigin implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.cors.enabled", "true", "quarkus.http.cors.origins", ORIGIN);
        }
    }

    @Test
    void theTicketsPreflightPassesForTheAllowedOrigin() {
        RestAssured.given()
                .header("Origin", ORIGIN)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization")
                .when()
                .options("/v1/events/tickets")
                .then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo(ORIGIN))
                .header("Access-Control-Allow-Methods", containsStringIgnoringCase("POST"))
                .header("Access-Control-Allow-Headers", containsStringIgnoringCase("authorization"));
        RestAssured.given()
                .header("Origin", "https://elsewhere.example")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization")
                .when()
                .options("/v1/events/tickets")
                .then()
                .header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void theTicketAndTheStreamAnswerTheAllowedOrigin() throws Exception {
        SignedIn member = Accounts.signedIn();
        String ticket = Api.as(member)
                .header("Origin", ORIGIN)
                .when()
                .post("/v1/events/tickets")
                .then()
                .statusCode(201)
                .header("Access-Control-Allow-Origin", equalTo(ORIGIN))
                .extract()
                .path("ticket");
        // What an EventSource sends: a simple GET with the ticket in the URL. The grant comes with the headers,
        // before the first event, so the stream is left as soon as they are read.
        HttpRequest request = HttpRequest.newBuilder(URI.create(
                        RestAssured.baseURI + ":" + RestAssured.port + "/v1/events?lastEventId=1-1&ticket=" + ticket))
                .header("Origin", ORIGIN)
                .header("Accept", "text/event-stream")
                .build();
        HttpResponse<Stream<String>> stream =
                HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofLines());
        try (Stream<String> lines = stream.body()) {
            assertEquals(200, stream.statusCode());
            assertEquals(
                    ORIGIN,
                    stream.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
        }
    }

    @Test
    void anotherOriginGetsNoGrant() {
        // Quarkus's CORS filter, once enabled, refuses another origin itself: an empty 403, before the service.
        RestAssured.given()
                .header(Api.bearer(Accounts.signedIn().accessToken()))
                .header("Origin", "https://elsewhere.example")
                .when()
                .get("/v1/me")
                .then()
                .statusCode(403)
                .header("Access-Control-Allow-Origin", nullValue());
    }
}
