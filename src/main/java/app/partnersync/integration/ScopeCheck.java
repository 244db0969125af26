package app.partnersync.integration;

import app.partnersync.common.ProblemException;
import app.partnersync.common.ProblemType;
import app.partnersync.identity.IntegrationGrant;
import app.partnersync.identity.IntegrationScope;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Method;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The scope check of every operation, in one place: a request with an integration token passes only when the
 * operation names a scope ({@link IntegrationScope}) that the token holds. Members' own tokens are not affected.
 */
public class ScopeCheck {

    private final CurrentIdentityAssociation identities;

    public ScopeCheck(CurrentIdentityAssociation identities) {
        this.identities = identities;
    }

    @ServerRequestFilter
    public Uni<Response> requireScope(ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        if (method == null
                || !(method.isAnnotationPresent(Authenticated.class)
                        || resource.getResourceClass().isAnnotationPresent(Authenticated.class))) {
            // Open operations (sign-up, sign-in) do not look at tokens at all.
            return Uni.createFrom().nullItem();
        }
        return identities.getDeferredIdentity().map(identity -> {
            IntegrationGrant grant = identity.getAttribute(IntegrationGrant.ATTRIBUTE);
            if (grant == null) {
                return null;
            }
            IntegrationScope scope = method.getAnnotation(IntegrationScope.class);
            if (scope == null) {
                throw new ProblemException(
                        ProblemType.MEMBER_TOKEN_REQUIRED,
                        "This operation is for members' own sign-ins; integration tokens cannot use it.",
                        java.util.List.of(),
                        Map.of());
            }
            if (!grant.scopes().contains(scope.value())) {
                throw new ProblemException(
                        ProblemType.INSUFFICIENT_SCOPE,
                        "This operation needs the scope " + scope.value() + ", which this token does not have.",
                        java.util.List.of(),
                        Map.of(
                                "WWW-Authenticate",
                                "Bearer error=\"insufficient_scope\", scope=\"" + scope.value() + "\""));
            }
            return null;
        });
    }
}
