package app.partnersync.integration;

import app.partnersync.common.OpaqueTokens;
import app.partnersync.identity.IntegrationGrant;
import io.agroal.api.AgroalDataSource;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Checks an integration token on every request, by the hash of its secret: a revoked or expired token (or one of a
 * deleted account) fails at once. {@code last_used_at} is refreshed at most once a minute.
 */
@ApplicationScoped
public class IntegrationTokenIdentityProvider implements IdentityProvider<IntegrationTokenMechanism.Request> {

    private static final String FIND = "select id, account_id, scopes, partnership_id, expires_at, last_used_at"
            + " from integration_token where token_hash = ? and revoked_at is null and expires_at > ?";

    private static final String TOUCH = "update integration_token set last_used_at = ? where id = ?";

    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private final AgroalDataSource dataSource;
    private final Clock clock;

    public IntegrationTokenIdentityProvider(AgroalDataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    @Override
    public Class<IntegrationTokenMechanism.Request> getRequestType() {
        return IntegrationTokenMechanism.Request.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(
            IntegrationTokenMechanism.Request request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> identity(request.secret));
    }

    private SecurityIdentity identity(String secret) {
        Instant now = clock.instant();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement find = connection.prepareStatement(FIND)) {
            find.setString(1, OpaqueTokens.hash(secret));
            find.setTimestamp(2, Timestamp.from(now));
            try (ResultSet row = find.executeQuery()) {
                if (!row.next()) {
                    throw new AuthenticationFailedException("unknown, revoked or expired integration token");
                }
                UUID tokenId = row.getObject(1, UUID.class);
                IntegrationGrant grant = new IntegrationGrant(
                        tokenId,
                        TokenScopes.parse(row.getString(3)),
                        row.getObject(4, UUID.class),
                        row.getTimestamp(5).toInstant());
                Timestamp lastUsed = row.getTimestamp(6);
                if (lastUsed == null || lastUsed.toInstant().isBefore(now.minus(TOUCH_EVERY))) {
                    try (PreparedStatement touch = connection.prepareStatement(TOUCH)) {
                        touch.setTimestamp(1, Timestamp.from(now));
                        touch.setObject(2, tokenId);
                        touch.executeUpdate();
                    }
                }
                return QuarkusSecurityIdentity.builder()
                        .setPrincipal(new QuarkusPrincipal(
                                row.getObject(2, UUID.class).toString()))
                        .addAttribute(IntegrationGrant.ATTRIBUTE, grant)
                        .build();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not check an integration token", e);
        }
    }
}
