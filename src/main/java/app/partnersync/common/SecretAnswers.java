package app.partnersync.common;

import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** An answer that shows a secret once ({@link SecretInAnswer}) is never kept by a cache: {@code Cache-Control: no-store}. */
public class SecretAnswers {

    @ServerResponseFilter
    public void noStore(ContainerResponseContext response, ResourceInfo resource) {
        if (response.getStatus() < 300
                && resource.getResourceMethod() != null
                && resource.getResourceMethod().isAnnotationPresent(SecretInAnswer.class)) {
            response.getHeaders().putSingle("Cache-Control", "no-store");
        }
    }
}
