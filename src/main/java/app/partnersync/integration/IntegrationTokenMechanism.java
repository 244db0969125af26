package app.partnersync.integration;

import app.partnersync.common.OpaqueTokens;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.BaseAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * Authenticates {@code Authorization: Bearer psi_…} (integration tokens). It runs before the JWT mechanism and steps
 * aside for any other bearer token, so members' access tokens are verified exactly as before.
 */
@ApplicationScoped
public class IntegrationTokenMechanism implements HttpAuthenticationMechanism {

    private static final String PREFIX = "Bearer " + OpaqueTokens.INTEGRATION;

    /** The secret of an integration token, to be checked by {@link IntegrationTokenIdentityProvider}. */
    public static final class Request extends BaseAuthenticationRequest {
        final String secret;

        Request(String secret) {
            this.secret = secret;
        }
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String header = context.request().getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return Uni.createFrom().optional(java.util.Optional.empty());
        }
        Request request = new Request(header.substring("Bearer ".length()).trim());
        return identityProviderManager.authenticate(HttpSecurityUtils.setRoutingContextAttribute(request, context));
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", "Bearer"));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(Request.class);
    }

    @Override
    public int getPriority() {
        // Above the JWT mechanism's default, so that a psi_ token never reaches the JWT parser.
        return DEFAULT_PRIORITY + 100;
    }
}
