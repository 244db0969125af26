package app.partnersync.integration;

import app.partnersync.common.ProblemException;
import app.partnersync.identity.Scopes;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The scopes of an integration token as stored: space-separated, each once, in the order {@link Scopes#ALL} lists
 * them, whatever order they were asked for in.
 */
final class TokenScopes {

    private TokenScopes() {}

    /**
     * The stored form of the scopes a member asked for; a 400 naming {@code scopes[i]} for an unknown scope or one
     * listed twice.
     */
    static String stored(List<String> requested) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < requested.size(); i++) {
            String scope = requested.get(i);
            if (!Scopes.ALL.contains(scope)) {
                throw ProblemException.invalidField(
                        "scopes[" + i + "]", "must be one of " + String.join(", ", Scopes.ALL));
            }
            if (!seen.add(scope)) {
                throw ProblemException.invalidField("scopes[" + i + "]", "is listed twice");
            }
        }
        return Scopes.ALL.stream().filter(seen::contains).collect(Collectors.joining(" "));
    }

    /** The scopes of a stored form, in its order. */
    static Set<String> parse(String stored) {
        return new LinkedHashSet<>(Arrays.asList(stored.split(" ")));
    }
}
