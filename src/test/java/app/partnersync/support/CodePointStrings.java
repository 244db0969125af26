package app.partnersync.support;

import java.util.Random;

/**
 * Strings measured the way the contract measures them, in Unicode code points, drawn from a mix of ASCII, other BMP
 * text and astral characters (emoji, CJK extension B), so that a string at a contract's maxLength is often longer in
 * UTF-16 units ({@code String.length()}) than the limit. Every draw comes from the caller's seeded {@link Random}, so a
 * seed replays the same strings.
 */
public final class CodePointStrings {

    /** Where the code points come from, as {weight, first, last}: mostly letters, often something astral. */
    private static final int[][] RANGES = {
        {4, 'a', 'z'},
        {1, 0xC0, 0x17F}, // Latin-1 and Extended-A
        {1, 0x4E00, 0x9FFF}, // CJK, in the BMP
        {2, 0x1F300, 0x1F64F}, // emoji, astral
        {1, 0x20000, 0x2A6DF}, // CJK extension B, astral
    };

    private static final int[] PUNCTUATION = {' ', '.', '\'', '-'};
    private static final int TOTAL_WEIGHT = 10; // the ranges' weights, and one for punctuation

    private CodePointStrings() {}

    /**
     * A string of {@code min..max} code points, the edges (exactly max, exactly min) drawn often, whose first code
     * point is not white space (the contract's {@code \S} pattern holds whenever the string is not empty).
     */
    public static String between(int min, int max, Random random) {
        int upper = Math.min(max, min + 4000);
        int pick = random.nextInt(6);
        int length = pick < 2 ? upper : pick < 3 ? min : min + random.nextInt(upper - min + 1);
        return ofLength(length, random);
    }

    /** Exactly {@code length} code points, the first not white space. */
    public static String ofLength(int length, Random random) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int codePoint = codePoint(random);
            text.appendCodePoint(i == 0 && Character.isWhitespace(codePoint) ? 'x' : codePoint);
        }
        return text.toString();
    }

    /** Exactly {@code length} code points, every one astral: two UTF-16 units each. */
    public static String astral(int length, Random random) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.appendCodePoint(0x1F600 + random.nextInt(0x40));
        }
        return text.toString();
    }

    private static int codePoint(Random random) {
        int ticket = random.nextInt(TOTAL_WEIGHT);
        for (int[] range : RANGES) {
            if (ticket < range[0]) {
                return range[1] + random.nextInt(range[2] - range[1] + 1);
            }
            ticket -= range[0];
        }
        return PUNCTUATION[random.nextInt(PUNCTUATION.length)];
    }
}
