package app.partnersync.auth;

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
 * Refuses an access token whose session has ended (logout, revocation, password change, refresh reuse), at once
 * rather than when the token expires: one primary-key lookup per authenticated request.
 */
@ApplicationScoped
public class SessionGuard implements SecurityIdentityAugmentor {

    private static final String ACTIVE =
            "select 1 from auth_session where id = ? and account_id = ? and revoked_at is null";

    private final AgroalDataSource dataSource;

    public SessionGuard(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().item(identity);
        }
        return context.runBlocking(() -> {
            if (!isActive(token)) {
                throw new AuthenticationFailedException("session ended");
            }
            return identity;
        });
    }

    private boolean isActive(JsonWebToken token) {
        UUID sessionId;
        UUID accountId;
        try {
            sessionId = UUID.fromString(token.getClaim(AccessTokens.SESSION_CLAIM));
            accountId = UUID.fromString(token.getSubject());
        } catch (RuntimeException e) {
            return false;
        }
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
