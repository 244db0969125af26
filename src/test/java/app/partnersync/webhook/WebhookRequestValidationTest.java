package app.partnersync.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.partnersync.support.BeanValidation;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The {@code events} of a webhook request, entry by entry ({@link EventSubscription}): each broken rule is reported on
 * the entry itself, so the problem names {@code events[i]}, as when the rules stood on the entry one by one.
 */
class WebhookRequestValidationTest {

    private static final Validator validator = BeanValidation.VALIDATOR;

    /** Each violation as {@code path rule}, sorted. */
    private static Set<String> violations(Object request) {
        return validator.validate(request).stream()
                .map(WebhookRequestValidationTest::describe)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static String describe(ConstraintViolation<?> violation) {
        return violation.getPropertyPath() + " "
                + violation
                        .getConstraintDescriptor()
                        .getAnnotation()
                        .annotationType()
                        .getSimpleName();
    }

    @Test
    void wellFormedEntriesPass() {
        assertEquals(
                Set.of(),
                violations(new CreateWebhookRequest(
                        "https://example.com/hook", List.of("*", "moment.*", "checkin.reminder"), null)));
    }

    @Test
    void aMisspelledEntryIsReportedOnItselfWithTheContractsWording() {
        CreateWebhookRequest request =
                new CreateWebhookRequest("https://example.com/hook", List.of("moment.*", "Moment!"), null);
        Set<ConstraintViolation<CreateWebhookRequest>> found = validator.validate(request);
        assertEquals(Set.of("events[1].<list element> Pattern"), violations(request));
        assertEquals(
                "must be an event type, family.* or *", found.iterator().next().getMessage());
    }

    @Test
    void aMissingOrOverlongEntryBreaksTheRulesOfAnyEntry() {
        String overlong = "a".repeat(61);
        assertEquals(
                Set.of("events[0].<list element> NotNull", "events[1].<list element> Size"),
                violations(new UpdateWebhookRequest(null, Arrays.asList(null, overlong), null, null)));
    }

    @Test
    void anEntryMayBeSixtyCharactersLong() {
        assertEquals(
                Set.of(),
                violations(new UpdateWebhookRequest(null, List.of("a".repeat(30) + "." + "b".repeat(29)), null, null)));
    }
}
