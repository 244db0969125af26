package app.partnersync.sync;

import app.partnersync.common.PageRequest;
import app.partnersync.common.RequestCorrelation;
import app.partnersync.identity.Caller;
import io.quarkus.security.Authenticated;
import io.vertx.ext.web.RoutingContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Offline-first sync: {@code GET /v1/sync} pulls changes, {@code POST /v1/sync} pushes edits and pulls. */
@Path("/v1/sync")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SyncResource {

    private final SyncService sync;
    private final SyncedTypes types;
    private final Caller caller;
    private final RoutingContext routing;

    public SyncResource(SyncService sync, SyncedTypes types, Caller caller, RoutingContext routing) {
        this.sync = sync;
        this.types = types;
        this.caller = caller;
        this.routing = routing;
    }

    @GET
    public SyncPage pullChanges(
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") String limit,
            @QueryParam("types") List<String> recordTypes,
            @QueryParam("partnershipId") String partnershipId) {
        SyncFilter filter = SyncFilter.parse(recordTypes, partnershipId, types);
        return sync.pull(caller.accountId(), cursor, filter, PageRequest.limit(limit));
    }

    @POST
    public SyncPushResponse pushChanges(@NotNull @Valid SyncPushRequest body) {
        return sync.push(
                caller.accountId(),
                body,
                PageRequest.limit(null),
                routing.normalizedPath(),
                RequestCorrelation.of(routing));
    }
}
