package app.partnersync.partnership;

import app.partnersync.common.Page;
import app.partnersync.common.PageRequest;
import app.partnersync.common.Versions;
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

/** Pairing invitations: {@code /v1/invitations}. */
@Path("/v1/invitations")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class InvitationResource {

    private final InvitationService invitations;
    private final Caller caller;

    public InvitationResource(InvitationService invitations, Caller caller) {
        this.invitations = invitations;
        this.caller = caller;
    }

    @POST
    public Response createInvitation(@NotNull @Valid CreateInvitationRequest body) {
        InvitationView created = invitations.create(caller.accountId(), body);
        return Response.created(URI.create("/v1/invitations/" + created.id()))
                .entity(created)
                .build();
    }

    @GET
    public Page<InvitationView> listInvitations(
            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return invitations.listOpen(caller.accountId(), PageRequest.of(limit, cursor));
    }

    @GET
    @Path("/{invitationKey}")
    public InvitationPreview previewInvitation(@PathParam("invitationKey") String invitationKey) {
        return invitations.preview(caller.accountId(), invitationKey);
    }

    @DELETE
    @Path("/{invitationKey}")
    public void withdrawInvitation(@PathParam("invitationKey") String invitationKey) {
        invitations.withdraw(caller.accountId(), invitationKey);
    }

    @POST
    @Path("/{invitationKey}/accept")
    public Response acceptInvitation(@PathParam("invitationKey") String invitationKey) {
        PartnershipView partnership = invitations.accept(caller.accountId(), invitationKey);
        return Response.created(URI.create("/v1/partnerships/" + partnership.id()))
                .tag(Versions.tag(partnership.version()))
                .entity(partnership)
                .build();
    }
}
