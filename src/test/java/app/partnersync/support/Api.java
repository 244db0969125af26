package app.partnersync.support;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Path;

/**
 * Entry point of every API test: REST Assured with a filter that checks each request and response against the
 * committed contract, so that the service and {@code openapi/partner-sync.yaml} cannot drift apart.
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

    /** What a well-behaved client accepts: its resources, and problems when something goes wrong. */
    private static final String ACCEPT = "application/json, application/problem+json";

    private Api() {}

    /** A valid request without credentials. */
    public static RequestSpecification anonymous() {
        return RestAssured.given().filter(STRICT).contentType(ContentType.JSON).accept(ACCEPT);
    }

    /** A valid request with the access token of {@code member}. */
    public static RequestSpecification as(SignedIn member) {
        return withToken(member.accessToken());
    }

    /** A valid request carrying an arbitrary bearer token. */
    public static RequestSpecification withToken(String token) {
        return anonymous().header("Authorization", "Bearer " + token);
    }

    /** A request that breaks the contract on purpose; only its response is validated. */
    public static RequestSpecification invalid() {
        return RestAssured.given()
                .filter(RESPONSES_ONLY)
                .contentType(ContentType.JSON)
                .accept(ACCEPT);
    }
}
