package org.lrsearch.testkit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.lrsearch.api.Optimizer;
import org.lrsearch.api.TraceEvent;
import org.lrsearch.api.TraceSink;

/**
 * Drives an {@link Optimizer} as the runner's step context does, on plain vectors and scripted
 * gradients, so an optimizer plugin can be unit-tested without the runner, a model or data: each
 * iteration forms the map from θ and g, evaluates trial points, and commits at most once, moving θ to
 * the committed point. Records the scalars the optimizer traces.
 *
 * <pre>{@code
 * OptimizerDriver d = new OptimizerDriver(new MomentumPlugin().create(options), new double[] {1, 2});
 * d.step(new double[] {0.5, -1}, 0.1);          // θ ← θ − 0.1·g (the buffer starts at g)
 * double[] p = d.trial(new double[] {1, 1}, 0.1); // θ(0.1) of the next iteration, nothing committed
 * }</pre>
 */
public final class OptimizerDriver implements TraceSink {
    private final Optimizer optimizer;
    private double[] theta;
    private final Map<String, List<Double>> scalars = new LinkedHashMap<>();
    private final List<TraceEvent> events = new ArrayList<>();
    private int iteration;

    /** @param theta0 the initial parameters (copied) */
    public OptimizerDriver(Optimizer optimizer, double[] theta0) {
        this.optimizer = optimizer;
        this.theta = theta0.clone();
    }

    /** θ as it is now (a copy). */
    public double[] theta() {
        return theta.clone();
    }

    /** The optimizer's evaluation point e(θ, S) now: θ itself unless the optimizer names another. */
    public double[] evaluationPoint() {
        double[] out = new double[theta.length];
        return optimizer.evaluationPoint(theta.clone(), out) ? out : theta.clone();
    }

    /** An iteration with gradient {@code g} that tries {@code eta} and commits nothing: θ(η), θ and S unchanged. */
    public double[] trial(double[] g, double eta) {
        optimizer.form(theta.clone(), g.clone());
        double[] out = new double[theta.length];
        optimizer.point(eta, out);
        iteration++;
        return out;
    }

    /** An iteration with gradient {@code g} that commits {@code eta}; returns the new θ (a copy). */
    public double[] step(double[] g, double eta) {
        optimizer.form(theta.clone(), g.clone());
        double[] out = new double[theta.length];
        optimizer.point(eta, out);
        optimizer.commit(eta, this);
        theta = out;
        iteration++;
        return theta.clone();
    }

    /** {@code steps} committed iterations at rate {@code eta}, the gradient a function of θ (e.g. of a quadratic). */
    public double[] run(UnaryOperator<double[]> gradient, double eta, int steps) {
        for (int i = 0; i < steps; i++) {
            step(gradient.apply(theta.clone()), eta);
        }
        return theta.clone();
    }

    /** A copy of the optimizer's state, and back: what a range test's restore does. */
    public Object saveState() {
        return optimizer.saveState();
    }

    /** Returns θ and the optimizer's state to a saved pair. */
    public void restore(double[] parameters, Object state) {
        theta = parameters.clone();
        optimizer.restoreState(state);
    }

    /** Every value the optimizer traced under {@code name}, one per commit that traced it. */
    public List<Double> scalars(String name) {
        return scalars.getOrDefault(name, List.of());
    }

    @Override
    public void scalar(String name, double value) {
        scalars.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }

    @Override
    public void event(String type, Map<String, Object> payload) {
        events.add(new TraceEvent(iteration, type, new LinkedHashMap<>(payload)));
    }

    @Override
    public void candidates(double[] rates, double[] losses) {
    }

    @Override
    public void phase(String phase) {
    }

    @Override
    public void warning(String message) {
    }
}
