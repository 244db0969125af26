package app.partnersync.identity;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The scope an integration token needs for this operation (the contract's {@code x-integration-scope}). An operation
 * without it is for members' own access tokens only: an integration token gets 403 there.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface IntegrationScope {
    String value();
}
