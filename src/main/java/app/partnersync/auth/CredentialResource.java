package app.partnersync.auth;

import app.partnersync.identity.Caller;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * What the signed-in account can only do with its password: change it ({@code POST /v1/me/password}) and delete
 * itself ({@code DELETE /v1/me}). The rest of {@code /v1/me} is {@code account/MeResource}; both classes share the
 * path, and Quarkus REST merges them.
 */
@Path("/v1/me")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CredentialResource {

    private final AuthService auth;
    private final Caller caller;

    public CredentialResource(AuthService auth, Caller caller) {
        this.auth = auth;
        this.caller = caller;
    }

    @DELETE
    public void deleteMe(@HeaderParam("If-Match") String ifMatch, @NotNull @Valid DeleteAccountRequest body) {
        auth.deleteAccount(caller.accountId(), body.password(), ifMatch);
    }

    @POST
    @Path("/password")
    public void changePassword(@NotNull @Valid ChangePasswordRequest body) {
        auth.changePassword(caller.accountId(), caller.sessionId(), body.currentPassword(), body.newPassword());
    }
}
