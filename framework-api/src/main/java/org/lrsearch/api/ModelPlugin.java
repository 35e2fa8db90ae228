package org.lrsearch.api;

/**
 * Makes a model for a task; options fix its architecture (e.g. the hidden size).
 *
 * @since 0.1
 */
public interface ModelPlugin<O extends Record> extends Plugin<O> {

    /** A fresh, uninitialised model over {@code task}'s training and test sets. */
    Model create(O options, FewShotTask task);

    /**
     * Checks, before any run, that a model with {@code options} fits {@code task}'s data (a CNN needs images
     * whose shape its layers do not shrink below 1×1); cheap, builds nothing. {@link #create} refuses the
     * same. By default every task fits.
     *
     * @throws InvalidOptionException naming the option that does not fit, and why
     * @since 0.3
     */
    default void checkFits(O options, FewShotTask task) {
    }
}
