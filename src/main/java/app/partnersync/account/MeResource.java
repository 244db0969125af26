package app.partnersync.account;

import app.partnersync.common.ProblemException;
import app.partnersync.common.Versions;
import app.partnersync.identity.Caller;
import app.partnersync.identity.IntegrationScope;
import app.partnersync.identity.Scopes;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The signed-in account: {@code /v1/me} (its password and deletion: {@code auth/CredentialResource}). */
@Path("/v1/me")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MeResource {

    private final AccountService accounts;
    private final AccountDataService accountData;
    private final Caller caller;

    public MeResource(AccountService accounts, AccountDataService accountData, Caller caller) {
        this.accounts = accounts;
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

    @GET
    @Path("/export")
    public Response exportMe() {
        return Response.ok(accountData.export(caller.accountId(), caller.sessionId()))
                .header("Content-Disposition", "attachment; filename=\"partner-sync-export.json\"")
                .build();
    }
}
