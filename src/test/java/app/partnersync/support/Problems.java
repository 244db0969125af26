package app.partnersync.support;

/**
 * The problem type URIs the service answers with, spelled out here rather than taken from the main code, so that a
 * test fails when a published type moves.
 */
public final class Problems {

    /** Prefix of every problem type; a test appends the problem's name: {@code PROBLEMS + "not-found"}. */
    public static final String PROBLEMS = "https://partner-sync.app/problems/";

    private Problems() {}

    /** The full type URI of the problem named {@code name}, e.g. {@code type("rate-limited")}. */
    public static String type(String name) {
        return PROBLEMS + name;
    }
}
