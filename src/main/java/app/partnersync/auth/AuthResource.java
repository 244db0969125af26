package app.partnersync.auth;

import app.partnersync.identity.Caller;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** Sign-up, login, token refresh and logout: {@code /v1/auth}. */
@Path("/v1/auth")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AuthResource {

    private final AuthService auth;
    private final SessionService sessions;
    private final Caller caller;

    public AuthResource(AuthService auth, SessionService sessions, Caller caller) {
        this.auth = auth;
        this.sessions = sessions;
        this.caller = caller;
    }

    @POST
    @Path("/register")
    public Response register(
            @NotNull @Valid RegisterRequest body, @HeaderParam(HttpHeaders.USER_AGENT) String userAgent) {
        RegistrationResponse created = auth.register(body, userAgent);
        return Response.created(URI.create("/v1/me"))
                .cacheControl(noStore())
                .entity(created)
                .build();
    }

    @POST
    @Path("/login")
    public Response login(@NotNull @Valid LoginRequest body, @HeaderParam(HttpHeaders.USER_AGENT) String userAgent) {
        return Response.ok(auth.login(body, userAgent)).cacheControl(noStore()).build();
    }

    @POST
    @Path("/refresh")
    public Response refresh(@NotNull @Valid RefreshRequest body) {
        return Response.ok(auth.refresh(body.refreshToken()))
                .cacheControl(noStore())
                .build();
    }

    @POST
    @Path("/logout")
    @Authenticated
    public void logout() {
        sessions.end(caller.accountId(), caller.sessionId(), Session.EndReason.logout);
    }

    /** Tokens must never sit in a cache (RFC 6749 section 5.1). */
    private static CacheControl noStore() {
        CacheControl cacheControl = new CacheControl();
        cacheControl.setNoStore(true);
        cacheControl.setNoTransform(false);
        return cacheControl;
    }
}
