package app.partnersync.support;

import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

/**
 * Strings measured the way the contract measures them, in Unicode code points, drawn with jqwik from a mix of ASCII,
 * other BMP text and astral characters (emoji, CJK extension B), so that a string at a contract's maxLength is often
 * longer in UTF-16 units ({@code String.length()}) than the limit.
 */
public final class CodePointStrings {

    /** Where the code points come from: mostly letters, often something outside the BMP. */
    private static final Arbitrary<Integer> CODE_POINTS = Arbitraries.frequencyOf(
            Tuple.of(4, Arbitraries.integers().between('a', 'z')),
            Tuple.of(1, Arbitraries.of((int) ' ', (int) '.', (int) '\'', (int) '-')),
            Tuple.of(1, Arbitraries.integers().between(0xC0, 0x17F)), // Latin-1 and Extended-A
            Tuple.of(1, Arbitraries.integers().between(0x4E00, 0x9FFF)), // CJK, in the BMP
            Tuple.of(2, Arbitraries.integers().between(0x1F300, 0x1F64F)), // emoji, astral
            Tuple.of(1, Arbitraries.integers().between(0x20000, 0x2A6DF))); // CJK ext. B, astral

    private static final int GEN_SIZE = 1000;

    private CodePointStrings() {}

    /** A value drawn from {@code arbitrary} with {@code random}, so a seed replays the same draw. */
    public static <T> T draw(Arbitrary<T> arbitrary, Random random) {
        return arbitrary.generator(GEN_SIZE, true).next(random).value();
    }

    /**
     * A string of {@code min..max} code points, with the edges (exactly min, exactly max) drawn often, whose first
     * code point is not white space (the contract's {@code \S} pattern holds whenever the string is not empty).
     */
    public static String between(int min, int max, Random random) {
        int upper = Math.min(max, min + 4000);
        int length = draw(
                Arbitraries.frequencyOf(
                        Tuple.of(2, Arbitraries.just(upper)),
                        Tuple.of(1, Arbitraries.just(min)),
                        Tuple.of(3, Arbitraries.integers().between(min, upper))),
                random);
        return ofLength(length, random);
    }

    /** Exactly {@code length} code points, the first not white space. */
    public static String ofLength(int length, Random random) {
        List<Integer> codePoints = draw(CODE_POINTS.list().ofSize(length), random);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < codePoints.size(); i++) {
            int codePoint = codePoints.get(i);
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
}
