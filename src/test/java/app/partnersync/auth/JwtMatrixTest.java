package app.partnersync.auth;

import static app.partnersync.support.Problems.PROBLEMS;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import app.partnersync.support.Accounts;
import app.partnersync.support.Api;
import app.partnersync.support.SignedIn;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.function.UnaryOperator;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every way an access token can be wrong answers 401 with a problem body; the one right way answers 200. Tokens are
 * built here with the service's own signing key, so each case differs from a valid token in exactly one respect.
 */
@QuarkusTest
class JwtMatrixTest {

    private SignedIn account;
    private String sessionId;

    @BeforeEach
    void signIn() {
        account = Accounts.signedIn();
        String payload = new String(
                Base64.getUrlDecoder().decode(account.accessToken().split("\\.")[1]), StandardCharsets.UTF_8);
        sessionId = io.restassured.path.json.JsonPath.from(payload).getString("sid");
    }

    @Test
    void aValidTokenBuiltHereIsAccepted() {
        Api.withToken(token(UnaryOperator.identity()))
                .when()
                .get("/v1/me")
                .then()
                .statusCode(200);
        Api.as(account).when().get("/v1/me").then().statusCode(200);
    }

    @Test
    void noTokenIsRefused() {
        assertUnauthorized(Api.invalid().when().get("/v1/me"));
    }

    @Test
    void aMalformedTokenIsRefused() {
        assertUnauthorized(Api.invalidWithToken("not-a-jwt").when().get("/v1/me"));
        assertUnauthorized(Api.invalid()
                .header("Authorization", "Basic dXNlcjpwYXNz")
                .when()
                .get("/v1/me"));
    }

    @Test
    void aTamperedSignatureIsRefused() {
        String[] parts = token(UnaryOperator.identity()).split("\\.");
        char last = parts[2].charAt(10);
        String signature = parts[2].substring(0, 10) + (last == 'A' ? 'B' : 'A') + parts[2].substring(11);
        assertUnauthorized(Api.withToken(parts[0] + "." + parts[1] + "." + signature)
                .when()
                .get("/v1/me"));
    }

    @Test
    void aTamperedPayloadIsRefused() {
        SignedIn other = Accounts.signedIn();
        String[] parts = token(UnaryOperator.identity()).split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace(account.accountId().toString(), other.accountId().toString());
        String forged = parts[0] + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "."
                + parts[2];
        assertUnauthorized(Api.withToken(forged).when().get("/v1/me"));
    }

    @Test
    void algNoneIsRefused() {
        String header = base64("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        String payload = token(UnaryOperator.identity()).split("\\.")[1];
        assertUnauthorized(Api.withToken(header + "." + payload + ".").when().get("/v1/me"));
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefused() throws NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        PrivateKey stranger = generator.generateKeyPair().getPrivate();
        assertUnauthorized(Api.withToken(claims(UnaryOperator.identity()).jws().sign(stranger))
                .when()
                .get("/v1/me"));
    }

    @Test
    void hs256KeyedWithThePublicKeyIsRefused() {
        String publicKey = ConfigProvider.getConfig()
                .getOptionalValue("mp.jwt.verify.publickey", String.class)
                .orElse("public-key-stand-in");
        String forged = claims(UnaryOperator.identity())
                .jws()
                .algorithm(io.smallrye.jwt.algorithm.SignatureAlgorithm.HS256)
                .sign(new javax.crypto.spec.SecretKeySpec(publicKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        assertUnauthorized(Api.withToken(forged).when().get("/v1/me"));
    }

    @Test
    void anExpiredTokenIsRefused() {
        Instant now = Instant.now();
        assertUnauthorized(
                Api.withToken(token(c -> c.issuedAt(now.minusSeconds(600)).expiresAt(now.minusSeconds(30))))
                        .when()
                        .get("/v1/me"));
    }

    @Test
    void anExpiryJustPastTheAllowedSkewIsRefusedAndOneWithinItAccepted() {
        Instant now = Instant.now();
        long skew = ConfigProvider.getConfig().getValue("mp.jwt.verify.clock.skew", Long.class);
        Api.withToken(token(c -> c.issuedAt(now.minusSeconds(300)).expiresAt(now.minusSeconds(skew - 3))))
                .when()
                .get("/v1/me")
                .then()
                .statusCode(200);
        assertUnauthorized(Api.withToken(
                        token(c -> c.issuedAt(now.minusSeconds(300)).expiresAt(now.minusSeconds(skew + 2))))
                .when()
                .get("/v1/me"));
    }

    @Test
    void aTokenNotValidBeforeALaterTimeIsRefused() {
        Instant now = Instant.now();
        assertUnauthorized(Api.withToken(
                        token(c -> c.claim("nbf", now.plusSeconds(120).getEpochSecond())))
                .when()
                .get("/v1/me"));
    }

    @Test
    void aTokenIssuedInTheFutureIsRefused() {
        Instant now = Instant.now();
        assertUnauthorized(
                Api.withToken(token(c -> c.issuedAt(now.plusSeconds(120)).expiresAt(now.plusSeconds(400))))
                        .when()
                        .get("/v1/me"));
    }

    @Test
    void aWrongIssuerIsRefused() {
        assertUnauthorized(Api.withToken(token(c -> c.issuer("https://evil.example")))
                .when()
                .get("/v1/me"));
    }

    @Test
    void aWrongAudienceIsRefused() {
        assertUnauthorized(
                Api.withToken(token(c -> c.audience("some-other-api"))).when().get("/v1/me"));
    }

    @Test
    void aLifetimeAboveTheMaximumIsRefused() {
        Instant now = Instant.now();
        assertUnauthorized(Api.withToken(token(c -> c.issuedAt(now).expiresAt(now.plusSeconds(24 * 3600))))
                .when()
                .get("/v1/me"));
    }

    @Test
    void aTokenWithoutSessionIsRefused() {
        Instant now = Instant.now();
        String noSession = Jwt.issuer("https://partner-sync.app")
                .audience("partner-sync-api")
                .subject(account.accountId().toString())
                .issuedAt(now)
                .expiresAt(now.plusSeconds(300))
                .sign();
        assertUnauthorized(Api.withToken(noSession).when().get("/v1/me"));
    }

    @Test
    void aRefreshTokenIsNotAnAccessToken() {
        assertUnauthorized(Api.withToken(account.refreshToken()).when().get("/v1/me"));
    }

    @Test
    void aTokenOfAnEndedSessionIsRefused() {
        Api.as(account).when().post("/v1/auth/logout").then().statusCode(204);
        assertUnauthorized(Api.withToken(token(UnaryOperator.identity())).when().get("/v1/me"));
    }

    private static void assertUnauthorized(Response response) {
        response.then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "unauthorized"))
                .body("status", equalTo(401));
        assertEquals(1, response.headers().getValues("WWW-Authenticate").size(), "exactly one WWW-Authenticate header");
    }

    private String token(UnaryOperator<JwtClaimsBuilder> change) {
        return claims(change).sign();
    }

    private JwtClaimsBuilder claims(UnaryOperator<JwtClaimsBuilder> change) {
        Instant now = Instant.now();
        JwtClaimsBuilder valid = Jwt.issuer("https://partner-sync.app")
                .audience("partner-sync-api")
                .subject(account.accountId().toString())
                .claim("sid", sessionId)
                .issuedAt(now)
                .expiresAt(now.plusSeconds(300));
        return change.apply(valid);
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
