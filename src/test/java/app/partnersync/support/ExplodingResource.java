package app.partnersync.support;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** Test-only route that fails unexpectedly, to prove what a 500 does and does not reveal. Not part of the service. */
@Path("/test-support/explode")
public class ExplodingResource {

    @GET
    public String explode() {
        throw new IllegalStateException("secret internal detail: jdbc:postgresql://db/prod password=hunter2");
    }
}
