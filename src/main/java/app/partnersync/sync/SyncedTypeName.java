package app.partnersync.sync;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * The name of a synced type ({@link SyncedTypes}), as the contract's {@code SyncRecordType} lists them. Null is valid.
 */
@Target({FIELD, PARAMETER, RECORD_COMPONENT})
@Retention(RUNTIME)
@Constraint(validatedBy = SyncedTypeName.Validator.class)
public @interface SyncedTypeName {
    String message() default "must be one of the contract's record types";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks against the synced types there are, so that a new type needs no list to be edited here. */
    @ApplicationScoped
    class Validator implements ConstraintValidator<SyncedTypeName, String> {

        private final SyncedTypes types;

        public Validator(SyncedTypes types) {
            this.types = types;
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || types.named(value).isPresent();
        }
    }
}
