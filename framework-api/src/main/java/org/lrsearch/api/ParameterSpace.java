package org.lrsearch.api;

/**
 * Coordinates in which an optimizer's vectors (θ, g, its state, the points θ(η)) are held, with the
 * model's loss and gradient at a point given in them. The default is θ's own flat layout
 * ({@link #dense}); a model may offer compact coordinates of its own ({@link Model#compactSpace}), which
 * a {@link Optimizer#linear} optimizer can use exactly: the two-layer net keeps its first layer as
 * coefficients of the k-shot images there, so momentum and Schedule-Free SGD stay on its fast path.
 *
 * @since 0.3
 */
public interface ParameterSpace {

    /** The number of coordinates. */
    int size();

    /** θ in these coordinates. */
    void parameters(double[] out);

    /** This iteration's g in these coordinates. */
    void gradient(double[] out);

    /** ⟨a, b⟩ of θ's space (the Euclidean one over all P numbers), for vectors given in these coordinates. */
    double dot(double[] a, double[] b);

    /** The loss at a point given in these coordinates, on the current minibatch or the training set. */
    double lossAt(double[] point, LossScope scope);

    /** ∇L_B at a point given in these coordinates, written densely in θ's flat layout (length P). */
    void gradientAt(double[] point, double[] denseOut);

    /** θ ← a point given in these coordinates. */
    void moveTo(double[] point);

    /** θ's own flat layout, through the model's {@code copyParameters}, {@code lossAt}, {@code gradientAt}, {@code moveTo}. */
    static ParameterSpace dense(Model model) {
        return new ParameterSpace() {
            @Override public int size() { return model.parameterCount(); }
            @Override public void parameters(double[] out) { model.copyParameters(out); }
            @Override public void gradient(double[] out) { model.copyGradient(out); }
            @Override public double lossAt(double[] point, LossScope scope) { return model.lossAt(point, scope); }
            @Override public void gradientAt(double[] point, double[] denseOut) { model.gradientAt(point, denseOut); }
            @Override public void moveTo(double[] point) { model.moveTo(point); }

            @Override
            public double dot(double[] a, double[] b) {
                double s = 0;
                for (int i = 0; i < a.length; i++) {
                    s += a[i] * b[i];
                }
                return s;
            }
        };
    }
}
