package org.lrsearch.testkit;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import org.lrsearch.api.LossScope;
import org.lrsearch.api.StepContext;
import org.lrsearch.api.StepRules;
import org.lrsearch.api.TraceEvent;
import org.lrsearch.api.TraceSink;

/**
 * A step context whose answers a test scripts: the loss at θ − η·g per scope and the sign-change
 * percentage G(η) as functions of η. It keeps the runner's contract (at most one commit per
 * iteration, no trial after it, rates finite and positive) and records what the strategy did, so a
 * strategy plugin can be unit-tested without the runner, a model or data.
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

    /** Starts iteration {@code it}, whose minibatch loss at θ is {@code lossAtTheta}. */
    public ScriptedStepContext next(int it, double lossAtTheta) {
        iteration = it;
        loss = lossAtTheta;
        committed = Double.NaN;
        candidates = null;
        candidateLosses = null;
        phase = "";
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
        StepRules.checkTrial(committed, "trialLoss", iteration);
        DoubleUnaryOperator f = losses.get(scope);
        if (f == null) {
            throw new IllegalStateException("no loss scripted for " + scope + ": call loss(...)");
        }
        trials.add(eta);
        return f.applyAsDouble(eta);
    }

    @Override
    public double signChangePercent(double eta) {
        StepRules.checkTrial(committed, "signChangePercent", iteration);
        trials.add(eta);
        return signChange.applyAsDouble(eta);
    }

    @Override
    public void commit(double eta) {
        StepRules.checkCommit(committed, eta, iteration);
        committed = eta;
        commits.add(eta);
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

    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    public String phase() {
        return phase;
    }

    public double[] candidates() {
        return candidates;
    }

    public double[] candidateLosses() {
        return candidateLosses;
    }

    /** Why the strategy ended the run, or null when it did not. */
    public String diverged() {
        return diverged;
    }
}
