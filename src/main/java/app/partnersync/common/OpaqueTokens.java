package app.partnersync.common;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Random bearer secrets that are not JWTs, so they can never pass as access tokens. A prefix tells their kind at a
 * glance (and to secret scanners); only the SHA-256 of a secret is ever stored.
 */
public final class OpaqueTokens {

    /** Prefix of refresh tokens. */
    public static final String REFRESH = "psr_";

    /** Prefix of integration tokens. */
    public static final String INTEGRATION = "psi_";

    /** Prefix of stream tickets: single use, for a browser's EventSource ({@code GET /v1/events?ticket=}). */
    public static final String STREAM_TICKET = "pst_";

    private static final SecureRandom RANDOM = new SecureRandom();

    private OpaqueTokens() {}

    public static String generate(String prefix) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    public static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
