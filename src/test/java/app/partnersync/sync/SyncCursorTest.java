package app.partnersync.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.partnersync.common.Hmac;
import app.partnersync.common.ProblemException;
import app.partnersync.common.ProblemType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Sync cursors: what is encoded comes back, and an altered, foreign, malformed or expired cursor is the 410. */
class SyncCursorTest {

    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final Instant NOW = Instant.parse("2030-05-01T12:00:00Z");
    private static final Instant OLDEST = NOW.minus(Duration.ofDays(30));

    private static void assertGone(String cursor) {
        ProblemException problem =
                assertThrows(ProblemException.class, () -> SyncCursor.decode(cursor, SECRET, OLDEST), cursor);
        assertEquals(ProblemType.SYNC_CURSOR_GONE, problem.type());
    }

    @Test
    void aFeedCursorComesBackAsEncoded() {
        SyncCursor cursor = SyncCursor.feed(9_876_543_210L, 17, NOW);
        assertFalse(cursor.inSnapshot());
        assertEquals(cursor, SyncCursor.decode(cursor.encode(SECRET), SECRET, OLDEST));
    }

    @Test
    void aSnapshotCursorKeepsItsTypeItsLastIdAndWhereTheFeedWillStart() {
        SyncCursor cursor = new SyncCursor(2, UUID.randomUUID(), 1234, -1, NOW);
        assertTrue(cursor.inSnapshot());
        assertEquals(cursor, SyncCursor.decode(cursor.encode(SECRET), SECRET, OLDEST));
        SyncCursor first = new SyncCursor(0, null, 1234, -1, NOW);
        assertEquals(first, SyncCursor.decode(first.encode(SECRET), SECRET, OLDEST));
    }

    @Test
    void aFilteredCursorKeepsItsFilter() {
        SyncFilter filter = new SyncFilter(Set.of("occurrence", "commitment"), UUID.randomUUID());
        SyncCursor snapshot = new SyncCursor(3, UUID.randomUUID(), 1234, -1, NOW, filter);
        SyncCursor feed = SyncCursor.feed(99, 4, NOW, new SyncFilter(Set.of("account"), null));
        assertEquals(snapshot, SyncCursor.decode(snapshot.encode(SECRET), SECRET, OLDEST));
        assertEquals(feed, SyncCursor.decode(feed.encode(SECRET), SECRET, OLDEST));
        assertEquals(
                filter.partnershipId(),
                SyncCursor.decode(snapshot.encode(SECRET), SECRET, OLDEST)
                        .filter()
                        .partnershipId());
    }

    @Test
    void anUnfilteredCursorIsWrittenAsBeforeFiltersExisted() {
        String encoded = SyncCursor.feed(100, 5, NOW).encode(SECRET);
        String payload = new String(
                Base64.getUrlDecoder().decode(encoded.substring(0, encoded.indexOf('.'))), StandardCharsets.UTF_8);
        assertEquals("v1:-1:-:100:5:" + NOW.getEpochSecond(), payload);
        assertEquals(SyncFilter.NONE, SyncCursor.decode(encoded, SECRET, OLDEST).filter());
    }

    @Test
    void theIssueTimeIsKeptToTheSecond() {
        SyncCursor cursor = SyncCursor.feed(1, 1, NOW.plusMillis(999));
        assertEquals(
                NOW, SyncCursor.decode(cursor.encode(SECRET), SECRET, OLDEST).issuedAt());
    }

    @Test
    void aCursorWithAnAlteredPositionIsGone() {
        String issued = SyncCursor.feed(100, 5, NOW).encode(SECRET);
        String signature = issued.substring(issued.indexOf('.') + 1);
        String altered = "v1:-1:-:100:50:" + NOW.getEpochSecond();
        assertGone(Base64.getUrlEncoder().withoutPadding().encodeToString(altered.getBytes(StandardCharsets.UTF_8))
                + "." + signature);
    }

    @Test
    void aCursorWithAnAlteredSignatureIsGone() {
        String issued = SyncCursor.feed(100, 5, NOW).encode(SECRET);
        char last = issued.charAt(issued.length() - 1);
        assertGone(issued.substring(0, issued.length() - 1) + (last == 'A' ? 'B' : 'A'));
        assertGone(issued + "A");
        assertGone(issued.substring(0, issued.indexOf('.') + 1));
    }

    @Test
    void aCursorSignedWithAnotherSecretIsGone() {
        byte[] other = "another secret of another service".getBytes(StandardCharsets.US_ASCII);
        assertGone(SyncCursor.feed(100, 5, NOW).encode(other));
    }

    @Test
    void aCursorOlderThanTheRetentionIsGone() {
        assertGone(SyncCursor.feed(100, 5, OLDEST.minusSeconds(1)).encode(SECRET));
        assertEquals(
                OLDEST,
                SyncCursor.decode(SyncCursor.feed(100, 5, OLDEST).encode(SECRET), SECRET, OLDEST)
                        .issuedAt());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "nodot", "not base64!.sig", "djE6LTE6LToxOjE.AAAAAAAAAAAAAAAAAAAAAA"})
    void anythingElseIsGone(String cursor) {
        assertGone(cursor);
    }

    /** A cursor for {@code payload}, signed as this service signs: the first 128 bits of its HMAC-SHA256. */
    private static String signed(String payload) {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String body = base64.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        return body + "." + base64.encodeToString(Arrays.copyOf(Hmac.sha256(SECRET, body), 16));
    }

    @Test
    void theSignatureIsTheTruncatedHmacOfTheEncodedPosition() {
        String payload = "v1:-1:-:100:5:" + NOW.getEpochSecond();
        assertEquals(signed(payload), SyncCursor.feed(100, 5, NOW).encode(SECRET));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "v2:-1:-:1:1:%d",
                "v1:-1:-:1:%d",
                "v1:-1:-:1:1:%d:extra",
                "v1:x:-:1:1:%d",
                "v1:0:not-a-uuid:1:1:%d"
            })
    void aWellSignedCursorOfAShapeNeverIssuedIsGone(String shape) {
        assertGone(signed(shape.formatted(NOW.getEpochSecond())));
    }
}
