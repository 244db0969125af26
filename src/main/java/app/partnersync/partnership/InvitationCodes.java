package app.partnersync.partnership;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * Short codes people can read aloud and type: eight characters from an alphabet without look-alikes (no 0, 1, I, L,
 * O, U), about 39 bits, shown as {@code K7QX-2MPA}. With attempts limited per account, guessing a live code among
 * millions takes longer than its 24 hours.
 */
final class InvitationCodes {

    static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
    static final int LENGTH = 8;
    private static final Pattern TYPED = Pattern.compile("[" + ALPHABET + "]{4}-?[" + ALPHABET + "]{4}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private InvitationCodes() {}

    static String generate() {
        return generate(RANDOM);
    }

    /** A stored-form code drawn from {@code random}. */
    static String generate(RandomGenerator random) {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** The stored form of a code as typed (any case, dash optional), or empty when it cannot be a code. */
    static Optional<String> normalise(String typed) {
        String upper = typed.trim().toUpperCase(Locale.ROOT);
        return TYPED.matcher(upper).matches() ? Optional.of(upper.replace("-", "")) : Optional.empty();
    }

    /** The form people read: {@code K7QX-2MPA}. */
    static String display(String code) {
        return code.substring(0, 4) + "-" + code.substring(4);
    }
}
