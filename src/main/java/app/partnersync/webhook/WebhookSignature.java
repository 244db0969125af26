package app.partnersync.webhook;

import app.partnersync.common.Hmac;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The {@code PartnerSync-Signature} of a delivery: {@code t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">},
 * with a second {@code v1} by the previous secret while a rotation overlaps, so that a receiver still holding the old
 * secret keeps verifying until it has the new one. The time is signed too: a receiver can refuse old replays.
 */
final class WebhookSignature {

    static final String HEADER = "PartnerSync-Signature";

    private WebhookSignature() {}

    /** The header value for {@code body} sent at {@code now}. */
    static String of(String body, Instant now, String secret, String previousSecret, Instant previousSecretUntil) {
        long t = now.getEpochSecond();
        String signed = t + "." + body;
        List<String> parts = new ArrayList<>();
        parts.add("t=" + t);
        parts.add("v1=" + sign(secret, signed));
        if (previousSecret != null && previousSecretUntil.isAfter(now)) {
            parts.add("v1=" + sign(previousSecret, signed));
        }
        return String.join(",", parts);
    }

    /** Lowercase hex of the HMAC-SHA256 of {@code payload} under {@code secret} (both as UTF-8). */
    static String sign(String secret, String payload) {
        return HexFormat.of().formatHex(Hmac.sha256(secret.getBytes(StandardCharsets.UTF_8), payload));
    }
}
