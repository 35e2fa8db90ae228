package org.lrsearch.api;

/**
 * What an LR strategy sees of one training iteration. The gradient g of the minibatch at θ has
 * been computed once; trials evaluate the run's optimizer's point θ(η) without changing θ
 * ({@link Optimizer}; θ(η) = θ − η·g for plain SGD, the default); {@link #commit} applies one
 * update. A snapshot of the parameters includes the optimizer's state, and a restore returns both. Every forward and backward pass is counted, so results report compute cost.
 *
 * @since 0.1
 */
public interface StepContext {

    /** 0-based iteration number. */
    int iteration();

    /** The minibatch loss at θ, before any update. */
    double loss();

    /** The minibatch loss at θ(η) (θ − η·g for plain SGD). */
    default double trialLoss(double eta) {
        return trialLoss(eta, LossScope.MINIBATCH);
    }

    /** The loss at θ(η) on the minibatch or the whole training set. */
    double trialLoss(double eta, LossScope scope);

    /** The run's number of iterations, T ({@code training.iterations}). */
    int totalIterations();

    /** n, the number of examples in the k-shot training set. */
    int trainingSetSize();

    /** b, the minibatch size ({@code training.batchSize}). */
    int batchSize();

    /** ‖g‖², the sum of squares of every component of this iteration's gradient (costs no pass). */
    double gradNormSq();

    /** A copy of this iteration's g, to keep (costs no pass). */
    Snapshot gradientSnapshot();

    /** g · s, this iteration's gradient dotted with a gradient kept from another iteration. */
    double gradientDot(Snapshot gradient);

    /** A copy of θ as it is now (after this iteration's commit, when called after it). */
    Snapshot parameterSnapshot();

    /** ‖θ‖², θ as it is now: O(P), no pass (DoG's initial distance r_ε = repsRel·(1 + ‖θ₀‖)). */
    double parameterNormSq();

    /** ‖θ − s‖² for parameters {@code s} taken earlier, θ as it is now. */
    double distanceSq(Snapshot parameters);

    /** ⟨θ − s, g⟩ for parameters {@code s} taken earlier, θ as it is now and g this iteration's gradient. */
    double displacementDotGradient(Snapshot parameters);

    /**
     * ⟨θ − s, k⟩ for parameters {@code s} and a gradient {@code k} kept from earlier iterations, θ as it
     * is now: with s and k both taken at t − 1 (before its commit), a Barzilai–Borwein step's
     * ⟨θ_t − θ_{t−1}, g_{t−1}⟩ whoever made the update. O(P), no pass.
     */
    double displacementDotGradient(Snapshot parameters, Snapshot gradient);

    /**
     * θ ← the parameters of {@code s}, and the optimizer's state ← its state when {@code s} was taken. Allowed after this iteration's commit (a range test returns
     * to where it started); no trial may follow it in the same iteration.
     */
    void restore(Snapshot parameters);

    /**
     * Marks (or ends) an exploration phase: while it lasts the run's divergence guard
     * ({@code training.divergenceFactor}) is suspended, for strategies that raise the loss on
     * purpose and have a stop rule of their own (the LR range test). A non-finite loss or parameter
     * still ends the run.
     */
    void exploring(boolean on);

    /** G(η): the percentage of gradient signs that flip at θ(η), against g, zeros counted as the paper does. */
    default double signChangePercent(double eta) {
        return signChangePercent(eta, SignChange.Zeros.FLIP);
    }

    /**
     * G(η) with exact zeros counted by {@code zeros} (see {@link SignChange}): one trial gradient, as
     * {@link #signChangePercent(double)}.
     *
     * @since 0.3
     */
    double signChangePercent(double eta, SignChange.Zeros zeros);

    /**
     * θ ← θ(η), and the optimizer's state advances; at most once per iteration. An iteration may also
     * end without an update (the optimizer's state is then untouched).
     */
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
