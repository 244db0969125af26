package app.partnersync.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Who hears of an event, given the partnership's members. */
class RecipientsTest {

    private final UUID alex = UUID.randomUUID();
    private final UUID sam = UUID.randomUUID();
    private final List<UUID> members = List.of(alex, sam);

    @Test
    void membersAreEveryMember() {
        assertEquals(Set.of(alex, sam), Recipients.members().among(members));
        assertEquals(Set.of(), Recipients.members().among(List.of()), "an ended partnership's former members");
    }

    @Test
    void theAuthorsPartnerIsEveryMemberButTheAuthor() {
        assertEquals(Set.of(sam), Recipients.partnerOf(alex).among(members));
        assertEquals(Set.of(alex, sam), Recipients.partnerOf(UUID.randomUUID()).among(members), "author gone");
    }

    @Test
    void oneMemberIsThatAccountWhateverTheMembersAre() {
        assertEquals(Set.of(sam), Recipients.member(sam).among(members));
        assertEquals(Set.of(sam), Recipients.member(sam).among(List.of()));
    }

    @Test
    void onlyOneNamedMemberNeedsNoLookUpOfTheMembers() {
        assertFalse(Recipients.member(sam).needsMembers());
        assertTrue(Recipients.members().needsMembers());
        assertTrue(Recipients.partnerOf(alex).needsMembers());
    }
}
