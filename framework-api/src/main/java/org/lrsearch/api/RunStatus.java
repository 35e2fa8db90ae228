package org.lrsearch.api;

/**
 * How a run ended.
 *
 * @since 0.1
 */
public enum RunStatus {
    /** Trained for all iterations. */
    OK,
    /** Stopped early: loss or a parameter became non-finite, or the loss blew up. */
    DIVERGED,
    /** A plugin threw; the message says what. */
    FAILED;

    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
