package org.lrsearch.api;

/**
 * Turns each iteration's gradient into the update that the strategy's rate η scales: the map
 * η ↦ θ(η) of docs/OPTIMIZERS.md ("The contract"). One instance per run, holding the optimizer's
 * state S (momentum buffers, Adam's moments, step count); the step context calls it, strategies never
 * see it.
 *
 * <p>Call order within an iteration: {@link #form} once, with θ and g, before any trial; then any
 * number of {@link #point} calls (each trial evaluates the model at θ(η)); then at most one
 * {@link #commit}. Forming and trial points change nothing: an iteration without a commit leaves S
 * as it was, and the next iteration forms its map from the same S.
 *
 * @since 0.3
 */
public interface Optimizer {

    /**
     * True only for plain SGD, θ(η) = θ − η·g with no state: the step context then uses the model's own
     * trial path, so a run without an optimizer and one with {@code sgd} compute the same numbers.
     */
    default boolean plainSgd() {
        return false;
    }

    /**
     * True when this optimizer, as configured, only ever combines its vectors linearly, with scalar
     * coefficients that are the same for every component (heavy-ball and Nesterov momentum,
     * Schedule-Free SGD, without weight decay), and takes dot products and norms only through
     * {@link #innerProduct}: it is then exact in any linear coordinates, and a model's compact ones
     * ({@link Model#compactSpace}) may be used. Element-wise preconditioners (Adam) are not.
     */
    default boolean linear() {
        return false;
    }

    /**
     * Called once, before the first {@link #form}, with the inner product of θ's space in the
     * coordinates the vectors will come in: the plain dot product unless compact ones are used.
     */
    default void innerProduct(ParameterSpace space) {
    }

    /**
     * Forms this iteration's map from S, θ and g (flat, length P, the model's tensor order); the arrays
     * are the context's and are not changed until the next iteration, so they may be kept by reference.
     */
    void form(double[] theta, double[] gradient);

    /** Writes θ(η), the point a commit of η would move to, into {@code out} (length P); S is unchanged. */
    void point(double eta, double[] out);

    /**
     * S ← S′(η): advances the state as committing η does (the context moves θ to {@link #point}(η)), and
     * records what the method's trace shows ({@code directionNormSq}, Prodigy's d, …) as scalars.
     */
    void commit(double eta, TraceSink trace);

    /**
     * The evaluation point e(θ, S), where test and training accuracy and the final training loss are
     * measured (Schedule-Free's x): writes it to {@code out} and returns true, or returns false when it
     * is the training point θ (the default). Called between iterations, with θ as it is then.
     */
    default boolean evaluationPoint(double[] theta, double[] out) {
        return false;
    }

    /** A copy of S, for {@link #restoreState} (a range test returns to where it started). */
    Object saveState();

    /** S ← a copy {@link #saveState} made of this optimizer. */
    void restoreState(Object state);
}
