package org.lrsearch.api;

/**
 * What an LR strategy sees of one training iteration. The gradient g of the minibatch at θ has
 * been computed once; trials evaluate θ − η·g without changing θ; {@link #commit} applies one
 * update. Every forward and backward pass is counted, so results report compute cost.
 *
 * @since 0.1
 */
public interface StepContext {

    /** 0-based iteration number. */
    int iteration();

    /** The minibatch loss at θ, before any update. */
    double loss();

    /** The minibatch loss at θ − η·g. */
    default double trialLoss(double eta) {
        return trialLoss(eta, LossScope.MINIBATCH);
    }

    /** The loss at θ − η·g on the minibatch or the whole training set. */
    double trialLoss(double eta, LossScope scope);

    /** G(η): the percentage of gradient signs that flip at θ − η·g (see {@link SignChange}). */
    double signChangePercent(double eta);

    /** θ ← θ − η·g; at most once per iteration. An iteration may also end without an update. */
    void commit(double eta);

    /**
     * Ends the run as {@code diverged} after this iteration, with {@code reason} as its message:
     * for a strategy that finds no update it can take, e.g. when every trial loss is non-finite.
     * A run never counts as {@code ok} when its strategy could not step.
     */
    void diverged(String reason);

    /** Where the strategy records its decisions. */
    TraceSink trace();
}
