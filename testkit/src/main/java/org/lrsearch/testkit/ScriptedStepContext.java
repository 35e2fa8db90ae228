package org.lrsearch.testkit;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import org.lrsearch.api.LossScope;
import org.lrsearch.api.SignChange;
import org.lrsearch.api.Snapshot;
import org.lrsearch.api.Snapshot.Kind;
import org.lrsearch.api.StepContext;
import org.lrsearch.api.StepRules;
import org.lrsearch.api.TraceEvent;
import org.lrsearch.api.TraceSink;

/**
 * A step context whose answers a test scripts: the loss at θ − η·g per scope and the sign-change
 * percentage G(η) as functions of η, and a tiny model of plain vectors (θ and each iteration's g,
 * set with {@link #parameters} and {@link #gradient}; a commit does θ ← θ − η·g) behind ‖g‖²,
 * gradient and parameter snapshots, distances and restore. It keeps the runner's contract (at most
 * one commit per iteration, no trial after θ moved, rates finite and positive) and records what the
 * strategy did, so a strategy plugin can be unit-tested without the runner, a model or data.
 *
 * <pre>{@code
 * ScriptedStepContext ctx = new ScriptedStepContext().loss(eta -> Math.abs(eta - 0.1));
 * strategy.step(ctx.next(0, 2.3));
 * assertThat(ctx.committed()).isEqualTo(0.1);
 * }</pre>
 */
public final class ScriptedStepContext implements StepContext, TraceSink {
    private final Map<LossScope, DoubleUnaryOperator> losses = new EnumMap<>(LossScope.class);
    private DoubleUnaryOperator signChange = eta -> {
        throw new IllegalStateException("no sign-change percentage scripted: call signChange(...)");
    };
    private SignChange.Zeros zeros;
    private int iteration;
    private double loss;
    private double committed = Double.NaN;
    private final List<Double> commits = new ArrayList<>();
    private final List<Double> trials = new ArrayList<>();
    private final List<TraceEvent> events = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private String phase = "";
    private double[] candidates;
    private double[] candidateLosses;
    private String diverged;
    private double[] theta = new double[0];
    private double[] g = new double[0];
    private boolean thetaMoved;
    private boolean exploring;
    private int totalIterations = Integer.MAX_VALUE;
    private int trainingSetSize = 10;
    private int batchSize = 2;
    private final Map<String, List<Double>> scalars = new LinkedHashMap<>();

    /** A snapshot of the tiny model's vectors. */
    private record Copy(Kind kind, int iteration, double[] values) implements Snapshot {
    }

    /** The loss at θ − η·g on the minibatch (and on the training set, unless scripted apart). */
    public ScriptedStepContext loss(DoubleUnaryOperator f) {
        losses.put(LossScope.MINIBATCH, f);
        losses.putIfAbsent(LossScope.TRAIN_SET, f);
        return this;
    }

    /** The loss at θ − η·g on one scope. */
    public ScriptedStepContext loss(LossScope scope, DoubleUnaryOperator f) {
        losses.put(scope, f);
        return this;
    }

    /** G(η), in percent. */
    public ScriptedStepContext signChange(DoubleUnaryOperator f) {
        signChange = f;
        return this;
    }

    /** θ of the tiny model. */
    public ScriptedStepContext parameters(double... values) {
        theta = values.clone();
        return this;
    }

    /** This iteration's g (set it before each {@link #next} when it changes). */
    public ScriptedStepContext gradient(double... values) {
        g = values.clone();
        return this;
    }

    /** T, the run's number of iterations. */
    public ScriptedStepContext totalIterations(int t) {
        totalIterations = t;
        return this;
    }

    /** n and b: the training set's size and the minibatch size. */
    public ScriptedStepContext sizes(int n, int b) {
        trainingSetSize = n;
        batchSize = b;
        return this;
    }

    /** θ of the tiny model now. */
    public double[] parameters() {
        return theta.clone();
    }

    /** Starts iteration {@code it}, whose minibatch loss at θ is {@code lossAtTheta}. */
    public ScriptedStepContext next(int it, double lossAtTheta) {
        iteration = it;
        loss = lossAtTheta;
        committed = Double.NaN;
        candidates = null;
        candidateLosses = null;
        phase = "";
        thetaMoved = false;
        return this;
    }

    @Override
    public int iteration() {
        return iteration;
    }

    @Override
    public double loss() {
        return loss;
    }

    @Override
    public double trialLoss(double eta, LossScope scope) {
        StepRules.checkTrial(thetaMoved, "trialLoss", iteration);
        DoubleUnaryOperator f = losses.get(scope);
        if (f == null) {
            throw new IllegalStateException("no loss scripted for " + scope + ": call loss(...)");
        }
        trials.add(eta);
        return f.applyAsDouble(eta);
    }

    /** G(η) as scripted, under either rule for zeros; {@link #zeros()} tells which rule the strategy asked for. */
    @Override
    public double signChangePercent(double eta, SignChange.Zeros rule) {
        StepRules.checkTrial(thetaMoved, "signChangePercent", iteration);
        trials.add(eta);
        zeros = rule;
        return signChange.applyAsDouble(eta);
    }

    /** The rule for zeros of the last sign-change measurement, or null when none was taken. */
    public SignChange.Zeros zeros() {
        return zeros;
    }

    @Override
    public void commit(double eta) {
        StepRules.checkCommit(committed, eta, iteration);
        committed = eta;
        commits.add(eta);
        for (int i = 0; i < theta.length && i < g.length; i++) {
            theta[i] -= eta * g[i];
        }
        thetaMoved = true;
    }

    @Override
    public int totalIterations() {
        return totalIterations;
    }

    @Override
    public int trainingSetSize() {
        return trainingSetSize;
    }

    @Override
    public int batchSize() {
        return batchSize;
    }

    @Override
    public double gradNormSq() {
        return dot(g, g);
    }

    @Override
    public Snapshot gradientSnapshot() {
        return new Copy(Snapshot.Kind.GRADIENT, iteration, g.clone());
    }

    @Override
    public double gradientDot(Snapshot gradient) {
        return dot(g, values(gradient, Snapshot.Kind.GRADIENT));
    }

    @Override
    public Snapshot parameterSnapshot() {
        return new Copy(Snapshot.Kind.PARAMETERS, iteration, theta.clone());
    }

    @Override
    public double displacementDotGradient(Snapshot parameters, Snapshot gradient) {
        double[] then = values(parameters, Snapshot.Kind.PARAMETERS), kept = values(gradient, Snapshot.Kind.GRADIENT);
        double s = 0;
        for (int i = 0; i < theta.length; i++) {
            s += (theta[i] - then[i]) * kept[i];
        }
        return s;
    }

    @Override
    public double parameterNormSq() {
        return dot(theta, theta);
    }

    @Override
    public double distanceSq(Snapshot parameters) {
        double[] then = values(parameters, Snapshot.Kind.PARAMETERS);
        double s = 0;
        for (int i = 0; i < theta.length; i++) {
            s += (theta[i] - then[i]) * (theta[i] - then[i]);
        }
        return s;
    }

    @Override
    public double displacementDotGradient(Snapshot parameters) {
        double[] then = values(parameters, Snapshot.Kind.PARAMETERS);
        double s = 0;
        for (int i = 0; i < theta.length; i++) {
            s += (theta[i] - then[i]) * g[i];
        }
        return s;
    }

    @Override
    public void restore(Snapshot parameters) {
        theta = values(parameters, Snapshot.Kind.PARAMETERS).clone();
        thetaMoved = true;
    }

    @Override
    public void exploring(boolean on) {
        exploring = on;
    }

    /** Whether the strategy has marked an exploration phase. */
    public boolean isExploring() {
        return exploring;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double[] values(Snapshot s, Snapshot.Kind kind) {
        if (!(s instanceof Copy c) || c.kind() != kind) {
            throw new IllegalArgumentException("expected a " + kind + " snapshot of this context, got " + s);
        }
        return c.values();
    }

    @Override
    public void diverged(String reason) {
        diverged = reason;
    }

    @Override
    public TraceSink trace() {
        return this;
    }

    @Override
    public void event(String type, Map<String, Object> payload) {
        events.add(new TraceEvent(iteration, type, new LinkedHashMap<>(payload)));
    }

    @Override
    public void scalar(String name, double value) {
        scalars.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }

    /** The values recorded under {@code name}, in order (empty when none). */
    public List<Double> scalars(String name) {
        return List.copyOf(scalars.getOrDefault(name, List.of()));
    }

    @Override
    public void candidates(double[] rates, double[] lossesOfRates) {
        candidates = rates.clone();
        candidateLosses = lossesOfRates.clone();
    }

    @Override
    public void phase(String p) {
        phase = p;
    }

    @Override
    public void warning(String message) {
        warnings.add(message);
    }

    /** The rate committed in the current iteration, NaN when none. */
    public double committed() {
        return committed;
    }

    /** Every rate committed, one per iteration that committed. */
    public List<Double> commits() {
        return List.copyOf(commits);
    }

    /** Every rate tried (loss or sign change), in order. */
    public List<Double> trials() {
        return List.copyOf(trials);
    }

    /** The events recorded, in order. */
    public List<TraceEvent> events() {
        return List.copyOf(events);
    }

    /** The events of one type, in order. */
    public List<TraceEvent> events(String type) {
        return events.stream().filter(e -> e.type().equals(type)).toList();
    }

    public List<String> warnings() { return List.copyOf(warnings); }

    public String phase() { return phase; }

    public double[] candidates() { return candidates; }

    public double[] candidateLosses() { return candidateLosses; }

    /** Why the strategy ended the run, or null when it did not. */
    public String diverged() {
        return diverged;
    }
}
