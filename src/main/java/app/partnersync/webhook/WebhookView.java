package app.partnersync.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A webhook as the API shows it (the contract's {@code Webhook}); {@code secret} only when just made or rotated. */
public record WebhookView(
        UUID id,
        UUID partnershipId,
        String url,
        List<String> events,
        String description,
        boolean active,
        Instant disabledAt,
        String disabledReason,
        int consecutiveFailures,
        UUID createdBy,
        Instant createdAt,
        Instant updatedAt,
        String secret,
        Instant previousSecretExpiresAt) {

    static WebhookView of(Webhook w, boolean withSecret) {
        return new WebhookView(
                w.id,
                w.partnershipId,
                w.url,
                w.eventList(),
                w.description,
                w.active,
                w.disabledAt,
                w.disabledReason,
                w.consecutiveFailures,
                w.createdBy,
                w.createdAt,
                w.updatedAt,
                withSecret ? w.secret : null,
                w.previousSecret == null ? null : w.previousSecretUntil);
    }
}
