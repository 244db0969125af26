package app.partnersync.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The signature header of a delivery: HMAC-SHA256 over the time and the body, by both secrets during a rotation. */
class WebhookSignatureTest {

    private static final Instant NOW = Instant.parse("2030-05-01T12:00:00.750Z");
    private static final String BODY = "{\"id\":\"e1\",\"type\":\"moment.updated\"}";

    @Test
    void signingMatchesTheHmacSha256TestVectorOfRfc4231() {
        assertEquals(
                "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
                WebhookSignature.sign("Jefe", "what do ya want for nothing?"));
    }

    @Test
    void theSecretAndThePayloadAreSignedAsUtf8() {
        assertEquals(
                "96faa5223d78df34841b466cfec4b51018f4aa4562f2eca7c2e0689c464b9382",
                WebhookSignature.sign("cl\u00e9", "\u00fcn\u00efcode \u2713"));
    }

    @Test
    void theHeaderSignsTheUnixSecondsADotAndTheBody() {
        long t = NOW.getEpochSecond();
        assertEquals(
                "t=" + t + ",v1=" + WebhookSignature.sign("whsec_new", t + "." + BODY),
                WebhookSignature.of(BODY, NOW, "whsec_new", null, null));
    }

    @Test
    void theRotatedOutSecretSignsTooUntilItsOverlapEnds() {
        long t = NOW.getEpochSecond();
        String current = "v1=" + WebhookSignature.sign("whsec_new", t + "." + BODY);
        String previous = "v1=" + WebhookSignature.sign("whsec_old", t + "." + BODY);
        assertEquals(
                "t=" + t + "," + current + "," + previous,
                WebhookSignature.of(BODY, NOW, "whsec_new", "whsec_old", NOW.plus(Duration.ofHours(23))));
        assertEquals("t=" + t + "," + current, WebhookSignature.of(BODY, NOW, "whsec_new", "whsec_old", NOW));
    }

    @Test
    void anotherBodyOrTimeGivesAnotherSignature() {
        String signed = WebhookSignature.of(BODY, NOW, "whsec_new", null, null);
        assertNotEquals(signed, WebhookSignature.of(BODY + " ", NOW, "whsec_new", null, null));
        assertNotEquals(signed, WebhookSignature.of(BODY, NOW.plusSeconds(1), "whsec_new", null, null));
        assertNotEquals(signed, WebhookSignature.of(BODY, NOW, "whsec_other", null, null));
    }
}
