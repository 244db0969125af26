package app.partnersync.sync;

import java.util.UUID;

/**
 * Whether a member's session is still active (a port, implemented by {@code auth/}): a stream ticket is refused once
 * the session it was made in has ended (sign-out, revocation, password change, account deletion).
 */
public interface StreamSessions {

    boolean isActive(UUID sessionId, UUID accountId);
}
