package app.partnersync.support;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * Bean Validation without the service, for fast tests of a request record's constraints: Hibernate Validator as the
 * service runs it, with messages interpolated from their parameters only (no expression language on the classpath).
 */
public final class BeanValidation {

    /** Built once for the test JVM; a validator is thread-safe and holds nothing that needs closing per test. */
    public static final Validator VALIDATOR = Validation.byProvider(HibernateValidator.class)
            .configure()
            .messageInterpolator(new ParameterMessageInterpolator())
            .buildValidatorFactory()
            .getValidator();

    private BeanValidation() {}
}
