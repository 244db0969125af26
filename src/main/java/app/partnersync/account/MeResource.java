package app.partnersync.account;

import app.partnersync.auth.AuthService;
import app.partnersync.auth.Caller;
import app.partnersync.common.ProblemException;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The signed-in account: {@code /v1/me}. */
@Path("/v1/me")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MeResource {

    private final AccountService accounts;
    private final AuthService auth;
    private final Caller caller;

    public MeResource(AccountService accounts, AuthService auth, Caller caller) {
        this.accounts = accounts;
        this.auth = auth;
        this.caller = caller;
    }

    @GET
    public AccountView getMe() {
        return accounts.findById(caller.accountId())
                .map(AccountView::of)
                .orElseThrow(() -> ProblemException.notFound("The account"));
    }

    @PATCH
    public AccountView updateMe(@NotNull @Valid UpdateAccountRequest body) {
        if (body.isEmpty()) {
            throw ProblemException.invalidField("body", "must change at least one of displayName, timeZone");
        }
        return accounts.update(caller.accountId(), body).orElseThrow(() -> ProblemException.notFound("The account"));
    }

    @POST
    @Path("/password")
    public void changePassword(@NotNull @Valid ChangePasswordRequest body) {
        auth.changePassword(caller.accountId(), caller.sessionId(), body.currentPassword(), body.newPassword());
    }
}
