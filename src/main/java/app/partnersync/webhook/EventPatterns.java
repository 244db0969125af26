package app.partnersync.webhook;

import java.util.Collection;

/**
 * What a webhook subscribes to: an event type ({@code commitment.updated}), a family of them ({@code commitment.*}),
 * or every one ({@code *}). One rule for both questions asked of a pattern: whether it is worth registering, and
 * whether an event is for the webhook.
 */
final class EventPatterns {

    /** The spelling of a pattern, before it is checked against the known event types. */
    static final String SYNTAX = "\\*|[a-z_]+(\\.[a-z_]+)*(\\.\\*)?";

    private EventPatterns() {}

    /** Whether {@code pattern} takes events of {@code type}. */
    static boolean matches(String pattern, String type) {
        return pattern.equals("*")
                || pattern.equals(type)
                || (pattern.endsWith(".*") && type.startsWith(pattern.substring(0, pattern.length() - 1)));
    }

    /** Whether {@code pattern} is {@code *} or takes some of {@code types}. */
    static boolean namesAny(String pattern, Collection<String> types) {
        return pattern.equals("*") || types.stream().anyMatch(type -> matches(pattern, type));
    }
}
