package app.partnersync.webhook;

import java.time.Instant;
import java.util.UUID;

/** One entry of a webhook's delivery log (the contract's {@code WebhookDelivery}). */
public record DeliveryView(
        UUID id,
        UUID webhookId,
        UUID eventId,
        String eventType,
        WebhookDelivery.Status status,
        int attempts,
        Instant nextAttemptAt,
        Instant lastAttemptAt,
        Integer lastStatusCode,
        String lastError,
        Instant deliveredAt,
        Instant createdAt) {

    static DeliveryView of(WebhookDelivery d) {
        return new DeliveryView(
                d.id,
                d.webhookId,
                d.eventId,
                d.eventType,
                d.status,
                d.attempts,
                d.status == WebhookDelivery.Status.pending ? d.nextAttemptAt : null,
                d.lastAttemptAt,
                d.lastStatusCode,
                d.lastError,
                d.deliveredAt,
                d.createdAt);
    }
}
