package app.partnersync.sync;

import java.time.Instant;
import java.util.UUID;

/**
 * Something happened in a partnership that people or integrations hear of, and who is to hear of it. The package
 * where it happened makes one and hands it to {@link Announcements}, the one place that tells anyone. A family of
 * three, told apart by what each channel does with them:
 *
 * <ul>
 *   <li>{@link RecordChanged}: a synced record changed (the change log makes it). Members' devices learn of it from
 *       the sync feed and its live {@code change} event; webhooks get the record as an integration may see it.
 *   <li>{@link Reminder}: a time came ({@code commitment.reminder}, {@code checkin.reminder}): to the named members'
 *       live streams, and to webhooks.
 *   <li>{@link Notice}: something only members are told ({@code webhook.disabled}): to their live streams only.
 * </ul>
 */
public sealed interface PartnershipEvent {

    UUID partnershipId();

    /** The event type, e.g. {@code commitment.updated}, {@code checkin.reminder} or {@code webhook.disabled}. */
    String type();

    Instant occurredAt();

    Recipients recipients();

    /** Whether the partnership's webhooks hear of it. */
    boolean forIntegrations();

    /**
     * A synced record of the partnership was written: {@code type} is its family's {@code .updated} or {@code
     * .deleted} ({@link SyncedType#integrationEvents()}), and the record itself is read when it is delivered.
     */
    record RecordChanged(
            UUID partnershipId, String type, Instant occurredAt, String recordType, UUID recordId, Op op, long version)
            implements PartnershipEvent {

        @Override
        public Recipients recipients() {
            return Recipients.members();
        }

        @Override
        public boolean forIntegrations() {
            return true;
        }
    }

    /** A reminder whose time came; {@code data} is its JSON object (a record or a map), the same on every channel. */
    record Reminder(UUID partnershipId, String type, Instant occurredAt, Recipients recipients, Object data)
            implements PartnershipEvent {

        @Override
        public boolean forIntegrations() {
            return true;
        }
    }

    /** Something members are told and integrations are not; {@code data} is its JSON object. */
    record Notice(UUID partnershipId, String type, Instant occurredAt, Recipients recipients, Object data)
            implements PartnershipEvent {

        @Override
        public boolean forIntegrations() {
            return false;
        }
    }
}
