package app.partnersync.common;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Something happened in a partnership that integrations may hear of: a synced record changed, or a reminder went out.
 * Fired (synchronously, inside the writing transaction) by the change log and the reminder sweeps; the webhook
 * outbox observes it, so a change and its deliveries commit or roll back together.
 *
 * @param type the event type, e.g. {@code commitment.updated} or {@code checkin.reminder}
 * @param recordType the synced type of a record event ({@code null} for reminders)
 * @param fields the reminder's own fields ({@code null} for record events)
 */
public record PartnershipEvent(
        UUID partnershipId,
        String type,
        Instant occurredAt,
        String recordType,
        UUID recordId,
        String op,
        Long version,
        Map<String, Object> fields) {}
