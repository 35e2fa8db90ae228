package org.lrsearch.api;

/**
 * Which examples a trial loss is measured on.
 *
 * @since 0.1
 */
public enum LossScope {
    /** The current iteration's minibatch (the paper's reading). */
    MINIBATCH,
    /** The whole k-shot training set. */
    TRAIN_SET
}
