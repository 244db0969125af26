package app.partnersync.webhook;

import app.partnersync.common.Page;
import app.partnersync.common.PageRequest;
import app.partnersync.common.SecretInAnswer;
import app.partnersync.identity.Caller;
import app.partnersync.identity.IntegrationScope;
import app.partnersync.identity.Scopes;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;

/** Webhooks of a partnership and their delivery log: {@code /v1/partnerships/{partnershipId}/webhooks}. */
@Path("/v1/partnerships/{partnershipId}/webhooks")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class WebhookResource {

    private final WebhookService webhooks;
    private final Caller caller;

    public WebhookResource(WebhookService webhooks, Caller caller) {
        this.webhooks = webhooks;
        this.caller = caller;
    }

    @GET
    @IntegrationScope(Scopes.WEBHOOKS_MANAGE)
    public Page<WebhookView> listWebhooks(
            @PathParam("partnershipId") UUID partnershipId,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        return webhooks.list(caller.accountId(), partnershipId, PageRequest.of(limit, cursor));
    }

    @POST
    @SecretInAnswer
    @IntegrationScope(Scopes.WEBHOOKS_MANAGE)
    public Response createWebhook(
            @PathParam("partnershipId") UUID partnershipId, @NotNull @Valid CreateWebhookRequest body) {
        WebhookView created = webhooks.create(caller.accountId(), partnershipId, body);
        return Response.created(URI.create("/v1/partnerships/" + partnershipId + "/webhooks/" + created.id()))
                .entity(created)
                .build();
    }

    @GET
    @Path("/{webhookId}")
    @IntegrationScope(Scopes.WEBHOOKS_MANAGE)
    public WebhookView getWebhook(
            @PathParam("partnershipId") UUID partnershipId, @PathParam("webhookId") UUID webhookId) {
        return webhooks.get(caller.accountId(), partnershipId, webhookId);
    }

    @PATCH
    @Path("/{webhookId}")
    @IntegrationScope(Scopes.WEBHOOKS_MANAGE)
    public WebhookView updateWebhook(
            @PathParam("partnershipId") UUID partnershipId,
            @PathParam("webhookId") UUID webhookId,
            @NotNull @Valid UpdateWebhookRequest body) {
        return webhooks.update(caller.accountId(), partnershipId, webhookId, body);
    }

    @DELETE
    @Path("/{webhookId}")
    @IntegrationScope(Scopes.WEBHOOKS_MANAGE)
    public Response deleteWebhook(
            @PathParam("partnershipId") UUID partnershipId, @PathParam("webhookId") UUID webhookId) {
        webhooks.delete(caller.accountId(), partnershipId, webhookId);
        return Response.noContent().build();
    }

    @POST
    @Path("/{webhookId}/rotate-secret")
    @SecretInAnswer
    @IntegrationScope(Scopes.WEBHOOKS_MANAGE)
    public WebhookView rotateWebhookSecret(
            @PathParam("partnershipId") UUID partnershipId, @PathParam("webhookId") UUID webhookId) {
        return webhooks.rotateSecret(caller.accountId(), partnershipId, webhookId);
    }

    @GET
    @Path("/{webhookId}/deliveries")
    @IntegrationScope(Scopes.WEBHOOKS_MANAGE)
    public Page<DeliveryView> listWebhookDeliveries(
            @PathParam("partnershipId") UUID partnershipId,
            @PathParam("webhookId") UUID webhookId,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        return webhooks.deliveries(caller.accountId(), partnershipId, webhookId, PageRequest.of(limit, cursor));
    }

    @POST
    @Path("/{webhookId}/deliveries/{deliveryId}/redeliver")
    @IntegrationScope(Scopes.WEBHOOKS_MANAGE)
    public Response redeliverWebhookDelivery(
            @PathParam("partnershipId") UUID partnershipId,
            @PathParam("webhookId") UUID webhookId,
            @PathParam("deliveryId") UUID deliveryId) {
        return Response.accepted(webhooks.redeliver(caller.accountId(), partnershipId, webhookId, deliveryId))
                .build();
    }
}
