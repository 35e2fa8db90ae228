package org.lrsearch.runner.execute;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lrsearch.api.LossScope;
import org.lrsearch.api.Model;
import org.lrsearch.api.SignChange;
import org.lrsearch.api.StepContext;
import org.lrsearch.api.StepRules;
import org.lrsearch.api.TraceEvent;
import org.lrsearch.api.TraceSink;

/**
 * The {@link StepContext} a strategy sees, one per run, reused across iterations: computes the
 * minibatch gradient once, counts every pass, and collects what the strategy records. Trials look
 * at θ − η·g of this iteration's gradient, so after {@link #commit} (which moves θ) a trial would mix
 * the old gradient with new weights: it is refused.
 */
final class TrainingContext implements StepContext, TraceSink {
    private final Model model;
    long forward;
    long backward;
    final List<TraceEvent> events = new ArrayList<>();
    final List<String> warnings = new ArrayList<>();
    int iteration;
    double loss;
    double committed;
    String phase;
    int eventsAtStart;
    double[] candidates;
    double[] candidateLosses;
    String divergedReason;
    private double[] g;
    private double[] gTrial;
    private boolean gCopied;

    TrainingContext(Model model) {
        this.model = model;
    }

    void begin(int it, int[] batch) {
        iteration = it;
        loss = model.gradient(batch);
        forward++;
        backward++;
        committed = Double.NaN;
        phase = "";
        eventsAtStart = events.size();
        candidates = null;
        candidateLosses = null;
        gCopied = false;
    }

    Trainer.IterationRecord record() {
        return new Trainer.IterationRecord(iteration, phase, List.copyOf(events.subList(eventsAtStart, events.size())),
                candidates, candidateLosses, committed, loss);
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
        forward++;
        return model.trialLoss(eta, scope);
    }

    @Override
    public double signChangePercent(double eta) {
        StepRules.checkTrial(committed, "signChangePercent", iteration);
        if (g == null) {
            g = new double[model.parameterCount()];
            gTrial = new double[model.parameterCount()];
        }
        if (!gCopied) {
            model.copyGradient(g);
            gCopied = true;
        }
        model.trialGradient(eta, gTrial);
        forward++;
        backward++;
        return SignChange.percent(g, gTrial);
    }

    @Override
    public void commit(double eta) {
        StepRules.checkCommit(committed, eta, iteration);
        model.commit(eta);
        committed = eta;
    }

    @Override
    public void diverged(String reason) {
        divergedReason = reason == null || reason.isBlank() ? "the strategy could not step at iteration " + iteration
                : reason;
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
    public void candidates(double[] rates, double[] losses) {
        candidates = rates;
        candidateLosses = losses;
    }

    @Override
    public void phase(String p) {
        phase = p;
    }

    @Override
    public void warning(String message) {
        warnings.add(message);
    }
}
