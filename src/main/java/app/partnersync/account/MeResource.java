package app.partnersync.account;

import app.partnersync.auth.AuthService;
import app.partnersync.auth.Caller;
import app.partnersync.common.ProblemException;
import app.partnersync.common.Versions;
import app.partnersync.integration.IntegrationScope;
import app.partnersync.integration.Scopes;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The signed-in account: {@code /v1/me}. */
@Path("/v1/me")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MeResource {

    private final AccountService accounts;
    private final AuthService auth;
    private final AccountDataService accountData;
    private final Caller caller;

    public MeResource(AccountService accounts, AuthService auth, AccountDataService accountData, Caller caller) {
        this.accounts = accounts;
        this.auth = auth;
        this.accountData = accountData;
        this.caller = caller;
    }

    @GET
    @IntegrationScope(Scopes.PROFILE_READ)
    public Response getMe(@HeaderParam("If-None-Match") String ifNoneMatch) {
        AccountView account = accounts.findById(caller.accountId())
                .map(AccountView::of)
                .orElseThrow(() -> ProblemException.notFound("The account"));
        return Versions.read(ifNoneMatch, account.version(), account);
    }

    @PATCH
    public Response updateMe(@HeaderParam("If-Match") String ifMatch, @NotNull @Valid UpdateAccountRequest body) {
        if (body.isEmpty()) {
            throw ProblemException.invalidField("body", "must change at least one of displayName, timeZone");
        }
        AccountView account = accounts.update(caller.accountId(), body, ifMatch)
                .orElseThrow(() -> ProblemException.notFound("The account"));
        return Versions.written(account.version(), account);
    }

    @DELETE
    public void deleteMe(@HeaderParam("If-Match") String ifMatch, @NotNull @Valid DeleteAccountRequest body) {
        auth.deleteAccount(caller.accountId(), body.password(), ifMatch);
    }

    @GET
    @Path("/export")
    public Response exportMe() {
        return Response.ok(accountData.export(caller.accountId(), caller.sessionId()))
                .header("Content-Disposition", "attachment; filename=\"partner-sync-export.json\"")
                .build();
    }

    @POST
    @Path("/password")
    public void changePassword(@NotNull @Valid ChangePasswordRequest body) {
        auth.changePassword(caller.accountId(), caller.sessionId(), body.currentPassword(), body.newPassword());
    }
}
