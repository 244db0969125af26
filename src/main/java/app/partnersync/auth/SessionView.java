package app.partnersync.auth;

import java.time.Instant;
import java.util.UUID;

/** A signed-in device as shown in the session list (the contract's {@code Session}). */
public record SessionView(
        UUID id,
        String deviceName,
        String userAgent,
        Instant createdAt,
        Instant lastUsedAt,
        Instant expiresAt,
        boolean current) {

    static SessionView of(Session session, UUID currentSessionId) {
        return new SessionView(
                session.id,
                session.deviceName,
                session.userAgent,
                session.createdAt,
                session.lastUsedAt,
                session.expiresAt,
                session.id.equals(currentSessionId));
    }
}
