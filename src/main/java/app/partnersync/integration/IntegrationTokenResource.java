package app.partnersync.integration;

import app.partnersync.common.Page;
import app.partnersync.common.PageRequest;
import app.partnersync.common.SecretInAnswer;
import app.partnersync.identity.Caller;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;

/** The caller's integration tokens: {@code /v1/me/tokens}. Members' own sign-ins only (no scope opens it). */
@Path("/v1/me/tokens")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class IntegrationTokenResource {

    private final IntegrationTokenService tokens;
    private final Caller caller;

    public IntegrationTokenResource(IntegrationTokenService tokens, Caller caller) {
        this.tokens = tokens;
        this.caller = caller;
    }

    @POST
    @SecretInAnswer
    public Response createIntegrationToken(@NotNull @Valid CreateTokenRequest body) {
        TokenView created = tokens.create(caller.accountId(), body);
        return Response.created(URI.create("/v1/me/tokens/" + created.id()))
                .entity(created)
                .build();
    }

    @GET
    public Page<TokenView> listIntegrationTokens(
            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return tokens.list(caller.accountId(), PageRequest.of(limit, cursor));
    }

    @DELETE
    @Path("/{tokenId}")
    public Response revokeIntegrationToken(@PathParam("tokenId") UUID tokenId) {
        tokens.revoke(caller.accountId(), tokenId);
        return Response.noContent().build();
    }
}
