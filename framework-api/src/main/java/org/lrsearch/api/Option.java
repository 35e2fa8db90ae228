package org.lrsearch.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Documents one component of a plugin's options record: shown by {@code lrsearch plugins}.
 *
 * @since 0.1
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface Option {
    /** What the option means, with its unit. */
    String description();

    /** The default as written in YAML; empty when the option is required. */
    String defaultValue() default "";
}
