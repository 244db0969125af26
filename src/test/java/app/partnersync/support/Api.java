package app.partnersync.support;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.http.Header;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Path;

/**
 * Entry point of every API test: REST Assured with a filter that checks each request and response against the
 * committed contract, and that every header of each answer is declared there ({@link DeclaredHeaders}), so that the
 * service and {@code openapi/partner-sync.yaml} cannot drift apart.
 */
public final class Api {

    /** The committed contract, the one the build serves. */
    public static final Path CONTRACT = Path.of("openapi", "partner-sync.yaml").toAbsolutePath();

    private static final OpenApiValidationFilter STRICT =
            new OpenApiValidationFilter(OpenApiInteractionValidator.createForSpecificationUrl(
                            CONTRACT.toUri().toString())
                    .build());

    /** For requests that are invalid on purpose: the request is not judged, the (problem) response still is. */
    private static final OpenApiValidationFilter RESPONSES_ONLY =
            new OpenApiValidationFilter(OpenApiInteractionValidator.createForSpecificationUrl(
                            CONTRACT.toUri().toString())
                    .withLevelResolver(LevelResolver.create()
                            .withLevel("validation.request", ValidationReport.Level.IGNORE)
                            .build())
                    .build());

    /** Every header of an answer is declared in the contract for its operation and status (or is transport). */
    private static final DeclaredHeaders HEADERS = DeclaredHeaders.ofContract();

    /** What a well-behaved client accepts: its resources, and problems when something goes wrong. */
    private static final String ACCEPT = "application/json, application/problem+json";

    private Api() {}

    /** A valid request without credentials. */
    public static RequestSpecification anonymous() {
        return RestAssured.given()
                .filter(STRICT)
                .filter(HEADERS)
                .contentType(ContentType.JSON)
                .accept(ACCEPT);
    }

    /** A valid request with the access token of {@code member}. */
    public static RequestSpecification as(SignedIn member) {
        return withToken(member.accessToken());
    }

    /** A valid request carrying an arbitrary bearer token. */
    public static RequestSpecification withToken(String token) {
        return anonymous().header(bearer(token));
    }

    /** A request that breaks the contract on purpose; only its response is validated. */
    public static RequestSpecification invalid() {
        return RestAssured.given()
                .filter(RESPONSES_ONLY)
                .filter(HEADERS)
                .contentType(ContentType.JSON)
                .accept(ACCEPT);
    }

    /** A request of {@code member} that breaks the contract on purpose; only its response is validated. */
    public static RequestSpecification invalidAs(SignedIn member) {
        return invalidWithToken(member.accessToken());
    }

    /** A request carrying an arbitrary bearer token that breaks the contract on purpose; only its response is validated. */
    public static RequestSpecification invalidWithToken(String token) {
        return invalid().header(bearer(token));
    }

    /**
     * A bare request of {@code member}: no contract filter, no content type, no accept header, for what the contract
     * cannot describe (a method the service does not offer).
     */
    public static RequestSpecification uncheckedAs(SignedIn member) {
        return RestAssured.given().header(bearer(member.accessToken()));
    }

    /**
     * The header that carries {@code token}. Sent as a plain header because the contract filter does not see REST
     * Assured's {@code auth().oauth2(...)}.
     */
    public static Header bearer(String token) {
        return new Header("Authorization", "Bearer " + token);
    }
}
