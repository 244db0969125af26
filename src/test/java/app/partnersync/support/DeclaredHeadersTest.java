package app.partnersync.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.builder.ResponseBuilder;
import io.restassured.http.Header;
import io.restassured.http.Headers;
import io.restassured.response.Response;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The header check of {@link Api} tells declared, transport and undeclared headers apart, by operation and status. */
class DeclaredHeadersTest {

    private static final DeclaredHeaders CHECK = DeclaredHeaders.ofContract();

    private static Response answer(int status, String... names) {
        List<Header> headers = java.util.Arrays.stream(names)
                .map(name -> new Header(name, "x"))
                .toList();
        return new ResponseBuilder()
                .setStatusCode(status)
                .setHeaders(new Headers(headers))
                .setBody("")
                .build();
    }

    @Test
    void transportAndDeclaredHeadersPassAndOthersAreNamed() {
        assertEquals(
                List.of(),
                CHECK.undeclared("GET", "/v1/me", answer(200, "Content-Type", "Date", "X-Request-Id", "ETag")));
        assertEquals(
                List.of("X-Powered-By"),
                CHECK.undeclared("GET", "/v1/me", answer(200, "X-Request-Id", "X-Powered-By")));
    }

    @Test
    void aHeaderIsDeclaredForItsStatusOnly() {
        String path = "/v1/partnerships/c4d5e6f7-a8b9-4c0d-9e1f-2a3b4c5d6e7f/webhooks";
        assertEquals(List.of(), CHECK.undeclared("POST", path, answer(201, "Location")));
        assertEquals(List.of("Location"), CHECK.undeclared("POST", path, answer(400, "Location")));
    }

    @Test
    void whatTheContractDoesNotKnowIsLeftToTheContractFilter() {
        assertEquals(List.of(), CHECK.undeclared("GET", "/v1/nowhere", answer(200, "X-Powered-By")));
    }
}
