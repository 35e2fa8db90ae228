package org.lrsearch.api;

/**
 * Makes a model for a task; options fix its architecture (e.g. the hidden size).
 *
 * @since 0.1
 */
public interface ModelPlugin<O extends Record> extends Plugin<O> {

    /** A fresh, uninitialised model over {@code task}'s training and test sets. */
    Model create(O options, FewShotTask task);
}
