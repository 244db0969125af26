package app.partnersync.support;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Fixture builder for integration tokens, through the API. */
public final class IntegrationTokens {

    private IntegrationTokens() {}

    /** A 90-day token of {@code owner} with these scopes, limited to {@code partnershipId} unless null; its secret. */
    public static String create(SignedIn owner, List<String> scopes, UUID partnershipId) {
        Map<String, Object> body = new HashMap<>(Map.of(
                "name",
                "Calendar bridge",
                "scopes",
                scopes,
                "expiresAt",
                Instant.now().plus(Duration.ofDays(90)).toString()));
        if (partnershipId != null) {
            body.put("partnershipId", partnershipId.toString());
        }
        return Api.as(owner)
                .body(body)
                .when()
                .post("/v1/me/tokens")
                .then()
                .statusCode(201)
                .header("Location", org.hamcrest.Matchers.notNullValue())
                .extract()
                .path("token");
    }
}
