package app.partnersync.partnership;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.partnersync.common.ProblemException;
import app.partnersync.common.ProblemType;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** An invitation's status as clients see it, expiry included, and which invitations can still be accepted. */
class InvitationTest {

    private static final Instant EXPIRES = Instant.parse("2027-01-02T12:00:00Z");

    private static Invitation invitation(Invitation.Status status) {
        Invitation invitation = new Invitation();
        invitation.status = status;
        invitation.kind = PartnershipKind.partner;
        invitation.createdAt = EXPIRES.minus(Duration.ofHours(24));
        invitation.expiresAt = EXPIRES;
        return invitation;
    }

    @Test
    void anOpenInvitationExpiresAtItsExpiryExactly() {
        Invitation open = invitation(Invitation.Status.open);
        assertEquals(Invitation.Status.open, open.visibleStatusAt(EXPIRES.minusMillis(1)));
        assertEquals(Invitation.Status.expired, open.visibleStatusAt(EXPIRES));
        assertEquals(Invitation.Status.open, open.status, "expired is shown, never stored");
    }

    @ParameterizedTest
    @EnumSource(
            value = Invitation.Status.class,
            names = {"accepted", "withdrawn"})
    void aFinishedInvitationKeepsItsStatusPastItsExpiry(Invitation.Status status) {
        assertEquals(status, invitation(status).visibleStatusAt(EXPIRES.plus(Duration.ofDays(3))));
    }

    @Test
    void onlyAnOpenInvitationBeforeItsExpiryCanBeAccepted() {
        assertDoesNotThrow(() -> invitation(Invitation.Status.open).requireAcceptableAt(EXPIRES.minusSeconds(1)));
        assertEquals(
                ProblemType.INVITATION_EXPIRED,
                assertThrows(
                                ProblemException.class,
                                () -> invitation(Invitation.Status.open).requireAcceptableAt(EXPIRES))
                        .type());
        assertEquals(
                ProblemType.INVITATION_USED,
                assertThrows(
                                ProblemException.class,
                                () -> invitation(Invitation.Status.accepted)
                                        .requireAcceptableAt(EXPIRES.minusSeconds(1)))
                        .type());
        assertEquals(
                ProblemType.NOT_FOUND,
                assertThrows(
                                ProblemException.class,
                                () -> invitation(Invitation.Status.withdrawn)
                                        .requireAcceptableAt(EXPIRES.minusSeconds(1)))
                        .type());
    }

    @Test
    void theSyncVersionIsZeroWhileOpenAndOneOnceFinished() {
        assertEquals(0, InvitationService.versionOf(Invitation.Status.open));
        assertEquals(1, InvitationService.versionOf(Invitation.Status.accepted));
        assertEquals(1, InvitationService.versionOf(Invitation.Status.withdrawn));
        assertEquals(1, InvitationService.versionOf(Invitation.Status.expired));
    }
}
