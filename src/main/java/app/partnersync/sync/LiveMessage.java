package app.partnersync.sync;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;

/**
 * A reminder or notice on its way from {@link Announcements} to the live streams of every instance: a NOTIFY payload
 * on {@link Announcements#CHANNEL}. Record changes on that channel come from the {@code sync_change} trigger
 * instead, in their own shape ({@code txid}, {@code seq}, ...), without {@code kind}.
 *
 * @param to who is told ({@link Recipients}), with {@code account} for {@link To#member} and {@link To#partnerOf}
 */
record LiveMessage(String kind, String event, UUID partnershipId, To to, UUID account, Object data) {

    static final String KIND = "event";

    /** The kinds of {@link Recipients}, as a payload names them. */
    enum To {
        members,
        member,
        partnerOf
    }

    static LiveMessage of(PartnershipEvent event, Object data) {
        Recipients recipients = event.recipients();
        To to;
        UUID account = null;
        if (recipients instanceof Recipients.Member one) {
            to = To.member;
            account = one.accountId();
        } else if (recipients instanceof Recipients.PartnerOf partner) {
            to = To.partnerOf;
            account = partner.authorId();
        } else {
            to = To.members;
        }
        return new LiveMessage(KIND, event.type(), event.partnershipId(), to, account, data);
    }

    /** The recipients named in a payload read back by {@link LiveEvents}; every member when it names none known. */
    static Recipients recipients(JsonNode message) {
        String to = message.path("to").asText();
        JsonNode account = message.get("account");
        UUID id = account == null || account.isNull() ? null : UUID.fromString(account.asText());
        if (To.member.name().equals(to)) {
            return Recipients.member(id);
        }
        if (To.partnerOf.name().equals(to)) {
            return Recipients.partnerOf(id);
        }
        return Recipients.members();
    }
}
