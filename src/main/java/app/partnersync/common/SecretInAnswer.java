package app.partnersync.common;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The answer of this POST carries a secret shown once (an integration token): it is sent with {@code Cache-Control:
 * no-store} ({@link SecretAnswers}) and takes no {@code Idempotency-Key},
 * because replaying would mean storing the secret.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface SecretInAnswer {}
