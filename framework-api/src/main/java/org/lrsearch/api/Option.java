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

    /**
     * True for an option added to a plugin after runs of it were stored: at its default it is left out of
     * the run's identity, so that a run stored before the option existed, which computes the same numbers,
     * keeps its run id (and {@code --resume} finds it). Set it only where the default is the old behaviour.
     *
     * @since 0.3
     */
    boolean omitDefaultFromRunId() default false;
}
