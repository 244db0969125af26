package app.partnersync.webhook;

import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * One entry of a webhook's {@code events} as the contract spells it; whether it names a known event type is the
 * service's to check. Each part reports its own message, as if it stood on the entry itself.
 */
@NotNull
@Size(max = 60)
@Pattern(regexp = EventPatterns.SYNTAX, message = "must be an event type, family.* or *")
@Documented
@Target(TYPE_USE)
@Retention(RUNTIME)
@Constraint(validatedBy = {})
public @interface EventSubscription {

    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
