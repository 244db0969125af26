package app.partnersync.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.partnersync.common.Problem;
import app.partnersync.common.ProblemException;
import app.partnersync.common.ProblemType;
import app.partnersync.identity.Scopes;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Integration token scopes: stored once each in the contract's order; unknown or repeated ones refused by index. */
class TokenScopesTest {

    private static void assertRefused(List<String> requested, String field, String message) {
        ProblemException refusal = assertThrows(ProblemException.class, () -> TokenScopes.stored(requested));
        assertEquals(ProblemType.VALIDATION_FAILED, refusal.type());
        assertEquals(List.of(new Problem.FieldError(field, message)), refusal.errors());
    }

    @Test
    void scopesAreStoredInTheContractsOrderWhateverOrderTheyCameIn() {
        assertEquals(
                "profile:read checkins:read webhooks:manage",
                TokenScopes.stored(List.of("webhooks:manage", "profile:read", "checkins:read")));
    }

    @Test
    void everyScopeTogetherIsStoredAsTheWholeList() {
        List<String> reversed = new ArrayList<>(Scopes.ALL);
        java.util.Collections.reverse(reversed);
        assertEquals(String.join(" ", Scopes.ALL), TokenScopes.stored(reversed));
    }

    @ParameterizedTest
    @ValueSource(strings = {"admin", "Profile:Read", "profile:read ", "", "profile", "checkins:write"})
    void anUnknownScopeIsRefusedAtItsIndexNamingEveryAllowedOne(String unknown) {
        assertRefused(
                List.of("profile:read", unknown),
                "scopes[1]",
                "must be one of profile:read, partnerships:read, commitments:read, commitments:write, checkins:read,"
                        + " insights:read, events:read, webhooks:manage");
    }

    @Test
    void aScopeListedTwiceIsRefusedAtItsSecondPlace() {
        assertRefused(List.of("events:read", "profile:read", "events:read"), "scopes[2]", "is listed twice");
    }

    @Test
    void theStoredFormReadsBackInItsOrder() {
        assertEquals(
                List.of("partnerships:read", "insights:read"),
                List.copyOf(TokenScopes.parse(TokenScopes.stored(List.of("insights:read", "partnerships:read")))));
    }
}
