package app.partnersync.sync;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.BaseAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Authenticates {@code GET /v1/events?ticket=pst_…} (a stream ticket) and nothing else: on any other path, and
 * whenever an Authorization header is present (the stream then answers 400 for the pair), it steps aside, so a ticket
 * is never a bearer token anywhere.
 */
@ApplicationScoped
public class StreamTicketMechanism implements HttpAuthenticationMechanism {

    static final String PATH = "/v1/events";
    static final String PARAMETER = "ticket";

    /** The secret of a stream ticket, to be spent by {@link StreamTicketIdentityProvider}. */
    public static final class Request extends BaseAuthenticationRequest {
        final String secret;

        Request(String secret) {
            this.secret = secret;
        }
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        if (context.request().method() != HttpMethod.GET
                || !PATH.equals(context.normalizedPath())
                || context.request().getHeader("Authorization") != null) {
            return Uni.createFrom().optional(Optional.empty());
        }
        List<String> tickets = context.queryParam(PARAMETER);
        if (tickets.isEmpty()) {
            return Uni.createFrom().optional(Optional.empty());
        }
        if (tickets.size() > 1) {
            return Uni.createFrom().failure(new AuthenticationFailedException("more than one stream ticket"));
        }
        Request request = new Request(tickets.get(0));
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
        // Above the JWT mechanism, like the integration tokens' one: it only acts when no Authorization header came.
        return DEFAULT_PRIORITY + 50;
    }
}
