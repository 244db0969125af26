package app.partnersync.sync;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;

/**
 * A reminder or notice on its way from {@link Announcements} to the live streams of every instance: a NOTIFY payload
 * on {@link Announcements#CHANNEL}. Record changes on that channel come from the {@code sync_change} trigger
 * instead, in their own shape ({@code txid}, {@code seq}, ...), without {@code kind}.
 *
 * @param to {@code members}, {@code member} or {@code partnerOf} ({@link Recipients}), with {@code account} for the
 *     last two
 */
record LiveMessage(String kind, String event, UUID partnershipId, String to, UUID account, Object data) {

    static final String KIND = "event";

    static LiveMessage of(PartnershipEvent event, Object data) {
        Recipients recipients = event.recipients();
        String to;
        UUID account = null;
        if (recipients instanceof Recipients.Member one) {
            to = "member";
            account = one.accountId();
        } else if (recipients instanceof Recipients.PartnerOf partner) {
            to = "partnerOf";
            account = partner.authorId();
        } else {
            to = "members";
        }
        return new LiveMessage(KIND, event.type(), event.partnershipId(), to, account, data);
    }

    /** The recipients named in a payload read back by {@link LiveEvents}. */
    static Recipients recipients(JsonNode message) {
        String to = message.path("to").asText();
        JsonNode account = message.get("account");
        UUID id = account == null || account.isNull() ? null : UUID.fromString(account.asText());
        return switch (to) {
            case "member" -> Recipients.member(id);
            case "partnerOf" -> Recipients.partnerOf(id);
            default -> Recipients.members();
        };
    }
}
