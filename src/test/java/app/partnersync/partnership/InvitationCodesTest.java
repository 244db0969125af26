package app.partnersync.partnership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Invitation codes: an alphabet without look-alikes, eight characters, read back however a person types them. */
class InvitationCodesTest {

    @Test
    void theAlphabetHasThirtyCharactersAndNoLookAlikes() {
        assertEquals(30, InvitationCodes.ALPHABET.length());
        assertEquals(30, InvitationCodes.ALPHABET.chars().distinct().count());
        for (char lookAlike : "01ILOU".toCharArray()) {
            assertEquals(-1, InvitationCodes.ALPHABET.indexOf(lookAlike), "no " + lookAlike);
        }
        assertTrue(InvitationCodes.ALPHABET.chars().allMatch(c -> (c >= '2' && c <= '9') || (c >= 'A' && c <= 'Z')));
    }

    @Test
    void aGeneratedCodeIsEightCharactersOfTheAlphabetAndItsOwnStoredForm() {
        Random random = new Random(16);
        Set<Character> used = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            String code = InvitationCodes.generate(random);
            assertEquals(8, code.length(), code);
            code.chars().forEach(c -> used.add((char) c));
            assertEquals(Optional.of(code), InvitationCodes.normalise(code));
            assertEquals(Optional.of(code), InvitationCodes.normalise(InvitationCodes.display(code)));
        }
        assertEquals(InvitationCodes.ALPHABET.length(), used.size(), "every character of the alphabet gets drawn");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"K7QX-2MPA|K7QX2MPA", "k7qx-2mpa|K7QX2MPA", "K7QX2MPA|K7QX2MPA", "  k7Qx2mPa \t|K7QX2MPA"})
    void aCodeIsReadInAnyCaseWithOrWithoutItsDash(String typed, String stored) {
        assertEquals(Optional.of(stored), InvitationCodes.normalise(typed));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "K7QX-2MP0",
                "K7QX-2MPO",
                "K7QX-2MPI",
                "K7QX-2MPL",
                "K7QX-2MPU",
                "K7QX-2MP1",
                "K7QX-2MP",
                "K7QX-2MPAA",
                "K7Q-X2MPA",
                "K7QX--2MPA",
                "K7QX 2MPA",
                "",
                "6b7c8d9e-0f1a-4b2c-9d3e-4f5a6b7c8d9e"
            })
    void lookAlikesWrongLengthsAndStrayDashesAreNoCode(String typed) {
        assertEquals(Optional.empty(), InvitationCodes.normalise(typed));
    }

    @Test
    void aCodeIsShownWithTheDashInTheMiddle() {
        assertEquals("K7QX-2MPA", InvitationCodes.display("K7QX2MPA"));
    }
}
