package app.partnersync.auth;

import app.partnersync.identity.Caller;
import app.partnersync.sync.StreamSessions;
import io.agroal.api.AgroalDataSource;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Refuses an access token whose session has ended (logout, revocation, password change, refresh reuse, account
 * deletion), at once rather than when the token expires. While {@link EndedSessions} is complete the check is a lookup
 * in memory; otherwise (startup, a lost listener connection) it is one primary-key lookup in the database. Also tells
 * the live stream whether the session of a stream ticket is still active (always from the database: once per stream).
 */
@ApplicationScoped
public class SessionGuard implements SecurityIdentityAugmentor, StreamSessions {

    private static final String ACTIVE =
            "select 1 from auth_session where id = ? and account_id = ? and revoked_at is null";

    private final AgroalDataSource dataSource;
    private final EndedSessions endedSessions;

    public SessionGuard(AgroalDataSource dataSource, EndedSessions endedSessions) {
        this.dataSource = dataSource;
        this.endedSessions = endedSessions;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().item(identity);
        }
        UUID sessionId = claim(token.getClaim(Caller.SESSION_CLAIM));
        UUID accountId = claim(token.getSubject());
        if (sessionId == null || accountId == null) {
            return Uni.createFrom().failure(new AuthenticationFailedException("no session in the token"));
        }
        if (endedSessions.complete()) {
            return endedSessions.hasEnded(sessionId)
                    ? Uni.createFrom().failure(new AuthenticationFailedException("session ended"))
                    : Uni.createFrom().item(identity);
        }
        return context.runBlocking(() -> {
            if (!isActive(sessionId, accountId)) {
                throw new AuthenticationFailedException("session ended");
            }
            return identity;
        });
    }

    private static UUID claim(String value) {
        try {
            return UUID.fromString(value);
        } catch (RuntimeException e) {
            return null;
        }
    }

    @Override
    public boolean isActive(UUID sessionId, UUID accountId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(ACTIVE)) {
            statement.setObject(1, sessionId);
            statement.setObject(2, accountId);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not check the session of an access token", e);
        }
    }
}
