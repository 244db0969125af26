package app.partnersync.webhook;

import app.partnersync.sync.PartnershipEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.UUID;

/**
 * Writes one delivery per interested webhook for each event, in the transaction that made the event: a change that
 * rolls back announces nothing, one that commits cannot lose its deliveries, even if the instance dies right after.
 */
@ApplicationScoped
public class WebhookOutbox {

    private final ObjectMapper json;

    public WebhookOutbox(ObjectMapper json) {
        this.json = json;
    }

    void enqueue(@Observes PartnershipEvent event) {
        if (!event.forIntegrations()) {
            return;
        }
        List<Webhook> webhooks = Webhook.<Webhook>list("partnershipId", event.partnershipId()).stream()
                .filter(w -> w.wants(event.type()))
                .toList();
        if (webhooks.isEmpty()) {
            return;
        }
        UUID eventId = UUID.randomUUID();
        PartnershipEvent.RecordChanged change =
                event instanceof PartnershipEvent.RecordChanged changed ? changed : null;
        String data = event instanceof PartnershipEvent.Reminder reminder ? fields(reminder.data()) : null;
        for (Webhook webhook : webhooks) {
            WebhookDelivery delivery = new WebhookDelivery();
            delivery.id = UUID.randomUUID();
            delivery.webhookId = webhook.id;
            delivery.partnershipId = event.partnershipId();
            delivery.eventId = eventId;
            delivery.eventType = event.type();
            delivery.occurredAt = event.occurredAt();
            if (change != null) {
                delivery.recordType = change.recordType();
                delivery.recordId = change.recordId();
                delivery.op = change.op();
                delivery.version = change.version();
            }
            delivery.data = data;
            delivery.status = WebhookDelivery.Status.pending;
            delivery.nextAttemptAt = event.occurredAt();
            delivery.createdAt = event.occurredAt();
            delivery.persist();
        }
    }

    private String fields(Object data) {
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event fields not writable", e);
        }
    }
}
