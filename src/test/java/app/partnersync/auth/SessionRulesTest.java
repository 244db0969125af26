package app.partnersync.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a session stores: device texts cut by code points, and why it ended, spelled as the column always held it. */
class SessionRulesTest {

    private static final String EMOJI = "\uD83D\uDCF1"; // a phone, one code point

    @Test
    void aBlankOrMissingDeviceTextIsStoredAsNone() {
        assertNull(SessionService.clip(null, 100));
        assertNull(SessionService.clip("", 100));
        assertNull(SessionService.clip(" \t", 100));
    }

    @Test
    void aDeviceTextIsCutToItsFirstCodePointsWithoutSplittingOne() {
        assertEquals("Pixel 9", SessionService.clip("Pixel 9", 100));
        assertEquals("a".repeat(100), SessionService.clip("a".repeat(101), 100));
        assertEquals(EMOJI.repeat(100), SessionService.clip(EMOJI.repeat(100), 100), "200 UTF-16 units stay whole");
        assertEquals("a" + EMOJI.repeat(99), SessionService.clip("a" + EMOJI.repeat(100), 100));
    }

    @ParameterizedTest
    @CsvSource({
        "logout, logout",
        "revoked, revoked",
        "refresh_reuse, refresh-reuse",
        "password_changed, password-changed",
        "signed_out_elsewhere, signed-out-elsewhere"
    })
    void anEndReasonIsStoredWithDashesAndReadBack(Session.EndReason reason, String stored) {
        Session.EndReasonColumn column = new Session.EndReasonColumn();
        assertEquals(stored, column.convertToDatabaseColumn(reason));
        assertEquals(reason, column.convertToEntityAttribute(stored));
    }

    @Test
    void aSessionEndsOnceAndIsUsableOnlyUntilThen() {
        Instant now = Instant.parse("2027-01-01T00:00:00Z");
        Session session = new Session();
        session.expiresAt = now.plusSeconds(60);
        assertTrue(session.isActiveAt(now));
        assertFalse(session.isActiveAt(now.plusSeconds(60)), "usable until its expiry, exclusive");
        assertTrue(session.revoke(now, Session.EndReason.logout));
        assertFalse(session.revoke(now.plusSeconds(1), Session.EndReason.revoked), "the first ending stays");
        assertEquals(Session.EndReason.logout, session.revokedReason);
        assertEquals(now, session.revokedAt);
        assertFalse(session.isActiveAt(now));
    }
}
