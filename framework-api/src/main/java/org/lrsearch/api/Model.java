package org.lrsearch.api;

import java.util.LinkedHashMap;

/**
 * A trainable model bound to one task's training set: the parameters θ, the gradient g of the
 * current minibatch, and trial points θ − η·g that are evaluated without being committed.
 *
 * <p>Call order within an iteration: {@link #gradient(int[])} once, then any number of
 * {@link #trialLoss} and {@link #trialGradient} calls, then at most one {@link #commit}. A model
 * belongs to one run and is not thread-safe.
 *
 * @since 0.1
 */
public interface Model {

    /** P, the number of trainable numbers. */
    int parameterCount();

    /** Draws fresh parameters from {@code seed}: the same seed gives the same θ. */
    void initialize(long seed);

    /** The parameter tensors by name, row-major, copied, in the order of the flat vector. */
    LinkedHashMap<String, double[]> tensors();

    /** Replaces θ with the given tensors (same names and sizes as {@link #tensors()}). */
    void setTensors(java.util.Map<String, double[]> tensors);

    /**
     * Computes and keeps g = ∇L_B(θ) for the minibatch given as row indices into the training set.
     *
     * @return L_B(θ), the minibatch loss before any update
     */
    double gradient(int[] batch);

    /** Copies the current g into {@code out} (length P, flat order). */
    void copyGradient(double[] out);

    /**
     * ‖g‖², the sum of squares of the current gradient. The default copies g out; a model with a
     * cheaper form (the two-layer net's low-rank first layer) overrides it.
     */
    default double gradNormSq() {
        double[] g = new double[parameterCount()];
        copyGradient(g);
        double s = 0;
        for (double v : g) {
            s += v * v;
        }
        return s;
    }

    /**
     * A copy of the current g to keep across iterations, in whatever form is cheapest for the model
     * (the two-layer net keeps the minibatch's rows and ∂L/∂z1, not the 784×h first-layer block);
     * by default a dense copy. Only {@link #gradientDot} and {@link #copyDot} read it.
     */
    default Object gradientCopy() {
        double[] g = new double[parameterCount()];
        copyGradient(g);
        return g;
    }

    /** g · c, the current gradient dotted with a copy {@link #gradientCopy} made, of this model. */
    default double gradientDot(Object copy) {
        double[] other = (double[]) copy;
        double[] g = new double[parameterCount()];
        copyGradient(g);
        double s = 0;
        for (int i = 0; i < g.length; i++) {
            s += g[i] * other[i];
        }
        return s;
    }

    /**
     * v · c, a dense vector in θ's layout (the tensors' flat order) dotted with a gradient copy
     * {@link #gradientCopy} made, of this model: a step context's ⟨θ_t − θ_{t−1}, g_{t−1}⟩.
     */
    default double copyDot(Object copy, double[] vector) {
        double[] kept = (double[]) copy;
        double s = 0;
        for (int i = 0; i < kept.length; i++) {
            s += vector[i] * kept[i];
        }
        return s;
    }

    /** The loss at the trial point θ − η·g; θ is unchanged. */
    double trialLoss(double eta, LossScope scope);

    /** Writes ∇L_B(θ − η·g) on the same minibatch into {@code out}; θ is unchanged. */
    void trialGradient(double eta, double[] out);

    /** θ ← θ − η·g. */
    void commit(double eta);

    /**
     * Copies θ into {@code out} (length P, the tensors' flat order). The default flattens
     * {@link #tensors()}.
     *
     * @since 0.3
     */
    default void copyParameters(double[] out) {
        int i = 0;
        for (double[] t : tensors().values()) {
            System.arraycopy(t, 0, out, i, t.length);
            i += t.length;
        }
    }

    /**
     * The loss at an arbitrary point p (flat, length P) on the current minibatch or the training set;
     * θ is unchanged. With {@link #gradientAt} and {@link #moveTo}, what an optimizer other than plain
     * SGD needs (its trial points θ(η) are not θ − η·g). A model without it runs plain SGD only.
     *
     * @since 0.3
     */
    default double lossAt(double[] point, LossScope scope) {
        throw new UnsupportedOperationException(getClass().getSimpleName()
                + " evaluates only θ − η·g: it supports the optimizer sgd alone");
    }

    /** Writes ∇L_B(p) on the current minibatch into {@code out}; θ is unchanged. @since 0.3 */
    default void gradientAt(double[] point, double[] out) {
        throw new UnsupportedOperationException(getClass().getSimpleName()
                + " evaluates only θ − η·g: it supports the optimizer sgd alone");
    }

    /**
     * θ ← p (flat, length P): an optimizer's commit, or a move to its evaluation point and back (exact:
     * moving to a point and back to θ restores every number). The current minibatch's gradient is kept
     * until the next {@link #gradient}. The default replaces the tensors.
     *
     * @since 0.3
     */
    default void moveTo(double[] point) {
        LinkedHashMap<String, double[]> t = tensors();
        int i = 0;
        for (var e : t.entrySet()) {
            double[] v = e.getValue();
            System.arraycopy(point, i, v, 0, v.length);
            i += v.length;
        }
        setTensors(t);
    }

    /**
     * Compact coordinates of this model's parameters for a {@link Optimizer#linear} optimizer, or null
     * (the default) when it has none. A point reached in them is exact, not an approximation.
     *
     * @since 0.3
     */
    default ParameterSpace compactSpace() {
        return null;
    }

    /** The mean loss over the whole training set at θ. */
    double trainLoss();

    /** Share of the test set classified correctly at θ. */
    double testAccuracy();

    /**
     * Share of the training set (the k-shot set) classified correctly at θ, recorded beside test
     * accuracy on curves. NaN by default: a model that cannot say cheaply leaves it unmeasured.
     *
     * @since 0.2
     */
    default double trainAccuracy() {
        return Double.NaN;
    }

    /**
     * How many times the run will call {@link #testAccuracy()}, told before training starts, so that
     * a model can choose how to evaluate (precompute for many evaluations, or not for one). A hint:
     * the numbers must not depend on it.
     *
     * @since 0.2
     */
    default void expectEvaluations(int count) {
    }

    /** Share of {@code samples} classified correctly at θ. */
    double accuracy(Samples samples);

    /** True while every parameter is finite. */
    boolean isFinite();
}
