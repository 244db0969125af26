package app.partnersync.sync;

import app.partnersync.common.Hmac;
import app.partnersync.common.ProblemException;
import app.partnersync.common.ProblemType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;

/**
 * A client's position in the sync stream, signed so that a tampered cursor is recognised. During the initial
 * snapshot it names the type and last id reached plus the feed position the snapshot started from; afterwards the
 * feed position ({@code txid}, {@code seq}) of the last change delivered; and the filter it follows (an unfiltered
 * cursor is written as before filters existed, so either kind reads the other's). It expires with the change retention.
 */
record SyncCursor(int snapshotType, UUID snapshotAfter, long txid, long seq, Instant issuedAt, SyncFilter filter) {

    SyncCursor(int snapshotType, UUID snapshotAfter, long txid, long seq, Instant issuedAt) {
        this(snapshotType, snapshotAfter, txid, seq, issuedAt, SyncFilter.NONE);
    }

    /** Snapshot type index once the snapshot is complete and the cursor is in the feed. */
    static final int FEED = -1;

    boolean inSnapshot() {
        return snapshotType != FEED;
    }

    static SyncCursor feed(long txid, long seq, Instant now) {
        return feed(txid, seq, now, SyncFilter.NONE);
    }

    static SyncCursor feed(long txid, long seq, Instant now, SyncFilter filter) {
        return new SyncCursor(FEED, null, txid, seq, now, filter);
    }

    String encode(byte[] secret) {
        String position = snapshotType + ":" + (snapshotAfter == null ? "-" : snapshotAfter) + ":" + txid + ":" + seq
                + ":" + issuedAt.getEpochSecond();
        String payload = filter.equals(SyncFilter.NONE) ? "v1:" + position : "v2:" + position + ":" + filter.encode();
        String body = Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        return body + "." + sign(body, secret);
    }

    /** A cursor this service issued, not older than {@code oldest}; anything else is the 410 that asks for a resync. */
    static SyncCursor decode(String cursor, byte[] secret, Instant oldest) {
        try {
            int dot = cursor.indexOf('.');
            String body = cursor.substring(0, dot);
            if (!MessageDigest.isEqual(
                    sign(body, secret).getBytes(StandardCharsets.US_ASCII),
                    cursor.substring(dot + 1).getBytes(StandardCharsets.US_ASCII))) {
                throw gone();
            }
            String[] parts = new String(Base64.getUrlDecoder().decode(body), StandardCharsets.UTF_8).split(":", -1);
            boolean filtered = parts.length == 8 && parts[0].equals("v2");
            if (!filtered && (parts.length != 6 || !parts[0].equals("v1"))) {
                throw gone();
            }
            SyncCursor decoded = new SyncCursor(
                    Integer.parseInt(parts[1]),
                    parts[2].equals("-") ? null : UUID.fromString(parts[2]),
                    Long.parseLong(parts[3]),
                    Long.parseLong(parts[4]),
                    Instant.ofEpochSecond(Long.parseLong(parts[5])),
                    filtered ? SyncFilter.decode(parts[6], parts[7]) : SyncFilter.NONE);
            if (decoded.issuedAt().isBefore(oldest)) {
                throw gone();
            }
            return decoded;
        } catch (RuntimeException e) {
            throw e instanceof ProblemException problem ? problem : gone();
        }
    }

    private static ProblemException gone() {
        return new ProblemException(
                ProblemType.SYNC_CURSOR_GONE,
                "This sync cursor is unknown, altered or too old; resync from scratch with GET /v1/sync without a cursor.");
    }

    /** The first 128 bits of the HMAC: plenty against forgery, and a shorter cursor. */
    private static String sign(String body, byte[] secret) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(Hmac.sha256(secret, body), 16));
    }
}
