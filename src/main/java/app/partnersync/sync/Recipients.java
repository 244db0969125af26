package app.partnersync.sync;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * Who hears of a {@link PartnershipEvent}, named by the package that made it (DESIGN.md, "who is told what"): every
 * member, one member (the promiser of a reminder, the maker of a webhook), or the partner of the member who acted.
 * The same recipients hold on every channel that tells people: live streams now, device notifications next.
 */
public sealed interface Recipients {

    /** Every member of the partnership. */
    record Members() implements Recipients {}

    /** One member. */
    record Member(UUID accountId) implements Recipients {}

    /** Every member but the one who acted: what a member shares or does is for the partner, never for its author. */
    record PartnerOf(UUID authorId) implements Recipients {}

    static Recipients members() {
        return new Members();
    }

    static Recipients member(UUID accountId) {
        return new Member(accountId);
    }

    static Recipients partnerOf(UUID authorId) {
        return new PartnerOf(authorId);
    }

    /** The accounts named, given the partnership's {@code members}. */
    default Set<UUID> among(Collection<UUID> members) {
        if (this instanceof Member one) {
            return Set.of(one.accountId());
        }
        Set<UUID> named = new HashSet<>(members);
        if (this instanceof PartnerOf partner) {
            named.remove(partner.authorId());
        }
        return named;
    }

    /** Whether the partnership's members must be looked up to know who is named. */
    default boolean needsMembers() {
        return !(this instanceof Member);
    }
}
