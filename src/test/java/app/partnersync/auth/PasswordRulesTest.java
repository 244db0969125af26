package app.partnersync.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.partnersync.support.BeanValidation;
import jakarta.validation.Validator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Password lengths count Unicode code points, as the contract does: a new password is 10 to 256 of them (an emoji is
 * one, though Java counts two), and a password only checked (login, confirmation) is anything from 1 to 256.
 */
class PasswordRulesTest {

    private static final String EMOJI = "\uD83D\uDE00"; // one code point, two UTF-16 units

    private static final Validator validator = BeanValidation.VALIDATOR;

    private static boolean valid(Class<?> request, String property, String value) {
        return validator.validateValue(request, property, value).isEmpty();
    }

    static Stream<Arguments> newPasswords() {
        return Stream.of(
                Arguments.of(RegisterRequest.class, "password"),
                Arguments.of(ChangePasswordRequest.class, "newPassword"));
    }

    @ParameterizedTest
    @MethodSource("newPasswords")
    void aNewPasswordIsTenToTwoHundredFiftySixCodePoints(Class<?> request, String property) {
        assertEquals(false, valid(request, property, "a".repeat(9)));
        assertEquals(true, valid(request, property, "a".repeat(10)));
        assertEquals(false, valid(request, property, EMOJI.repeat(9)), "18 UTF-16 units, but 9 characters");
        assertEquals(true, valid(request, property, EMOJI.repeat(10)));
        assertEquals(true, valid(request, property, EMOJI.repeat(256)), "512 UTF-16 units, but 256 characters");
        assertEquals(false, valid(request, property, EMOJI.repeat(257)));
        assertEquals(false, valid(request, property, null));
    }

    @Test
    void aPasswordOnlyCheckedIsAnythingFromOneToTwoHundredFiftySixCodePoints() {
        for (Class<?> request : new Class<?>[] {LoginRequest.class, DeleteAccountRequest.class}) {
            assertEquals(false, valid(request, "password", ""), request.getSimpleName());
            assertEquals(true, valid(request, "password", "a"), request.getSimpleName());
            assertEquals(true, valid(request, "password", EMOJI.repeat(256)), request.getSimpleName());
            assertEquals(false, valid(request, "password", EMOJI.repeat(257)), request.getSimpleName());
        }
        assertEquals(true, valid(ChangePasswordRequest.class, "currentPassword", "a"));
        assertEquals(false, valid(ChangePasswordRequest.class, "currentPassword", EMOJI.repeat(257)));
    }
}
