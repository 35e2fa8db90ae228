package org.lrsearch.runner.execute;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lrsearch.api.LossScope;
import org.lrsearch.api.Model;
import org.lrsearch.api.Optimizer;
import org.lrsearch.api.ParameterSpace;
import org.lrsearch.api.SignChange;
import org.lrsearch.api.Snapshot;
import org.lrsearch.api.StepContext;
import org.lrsearch.api.StepRules;
import org.lrsearch.api.TraceEvent;
import org.lrsearch.api.TraceSink;

/**
 * The {@link StepContext} a strategy sees, one per run, reused across iterations: computes the
 * minibatch gradient once, counts every pass, and collects what the strategy records. Trials look
 * at θ(η) of this iteration's gradient, so after {@link #commit} (which moves θ) a trial would mix
 * the old gradient with new weights: it is refused.
 *
 * <p>Plain SGD (no optimizer, or {@code sgd}) uses the model's own trial path θ − η·g, fast and
 * unchanged; any other optimizer forms its map θ(η) from θ and g on the first trial or commit of an
 * iteration, and trials evaluate the model at the point it gives, in the model's compact coordinates
 * when the optimizer is linear and the model has them ({@link ParameterSpace}), else in θ's own.
 */
final class TrainingContext implements StepContext, TraceSink {
    private final Model model;
    /** The run's optimizer, or null for plain SGD through the model's own trial path. */
    private final Optimizer optimizer;
    /** The coordinates the optimizer works in (null with it). */
    final ParameterSpace space;
    private double[] theta;
    private double[] gradient;
    private double[] point;
    private boolean formed;
    private final int totalIterations;
    private final int trainingSetSize;
    private final int batchSize;
    /** Exploration phase: the divergence guard is suspended (see {@link StepContext#exploring}). */
    boolean exploring;
    final Scalars scalars = new Scalars();
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
    private double gradNormSq = Double.NaN;
    /** θ moved this iteration (commit or restore): no trial may follow. */
    private boolean thetaMoved;

    TrainingContext(Model model, Optimizer optimizer, int totalIterations, int trainingSetSize, int batchSize) {
        this.model = model;
        this.optimizer = optimizer == null || optimizer.plainSgd() ? null : optimizer;
        this.space = this.optimizer == null ? null : spaceFor(model, optimizer);
        if (space != null) {
            optimizer.innerProduct(space);
        }
        this.totalIterations = totalIterations;
        this.trainingSetSize = trainingSetSize;
        this.batchSize = batchSize;
    }

    /** The model's compact coordinates for a linear optimizer that it has them for, else θ's own. */
    static ParameterSpace spaceFor(Model model, Optimizer optimizer) {
        ParameterSpace compact = optimizer.linear() ? model.compactSpace() : null;
        return compact != null ? compact : ParameterSpace.dense(model);
    }

    void begin(int it, int[] batch) {
        iteration = it;
        loss = model.gradient(batch);
        forward++;
        backward++;
        committed = Double.NaN;
        phase = "train";
        eventsAtStart = events.size();
        candidates = null;
        candidateLosses = null;
        gCopied = false;
        gradNormSq = Double.NaN;
        thetaMoved = false;
        formed = false;
    }

    /** The optimizer's point θ(η) of this iteration (its map formed on first need). */
    private double[] point(double eta) {
        if (!formed) {
            if (theta == null) {
                theta = new double[space.size()];
                gradient = new double[space.size()];
                point = new double[space.size()];
            }
            space.parameters(theta);
            space.gradient(gradient);
            optimizer.form(theta, gradient);
            formed = true;
        }
        optimizer.point(eta, point);
        return point;
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
        StepRules.checkTrial(thetaMoved, "trialLoss", iteration);
        forward++;
        return optimizer == null ? model.trialLoss(eta, scope) : space.lossAt(point(eta), scope);
    }

    /** This iteration's g, copied out of the model once, on first need. */
    private double[] g() {
        if (g == null) {
            g = new double[model.parameterCount()];
            gTrial = new double[model.parameterCount()];
        }
        if (!gCopied) {
            model.copyGradient(g);
            gCopied = true;
        }
        return g;
    }

    @Override
    public double signChangePercent(double eta, SignChange.Zeros zeros) {
        StepRules.checkTrial(thetaMoved, "signChangePercent", iteration);
        g();
        if (optimizer == null) {
            model.trialGradient(eta, gTrial);
        } else {
            space.gradientAt(point(eta), gTrial);
        }
        forward++;
        backward++;
        return SignChange.percent(g, gTrial, zeros);
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
        if (Double.isNaN(gradNormSq)) {
            gradNormSq = model.gradNormSq();
        }
        return gradNormSq;
    }

    @Override
    public Snapshot gradientSnapshot() {
        return new Vectors.ModelCopy(iteration, model.gradientCopy());
    }

    @Override
    public double gradientDot(Snapshot gradient) {
        if (!(gradient instanceof Vectors.ModelCopy c)) {
            throw new IllegalArgumentException("expected a gradient snapshot taken through this run's step context, got "
                    + gradient);
        }
        return model.gradientDot(c.copy());
    }

    @Override
    public Snapshot parameterSnapshot() {
        double[] at = null;
        if (space != null) {
            at = new double[space.size()];
            space.parameters(at);
        }
        return new Vectors.Copy(Snapshot.Kind.PARAMETERS, iteration, Vectors.flatten(model.tensors()),
                optimizer == null ? null : optimizer.saveState(), at);
    }

    @Override
    public double displacementDotGradient(Snapshot parameters, Snapshot gradient) {
        if (!(gradient instanceof Vectors.ModelCopy c)) {
            throw new IllegalArgumentException("expected a gradient snapshot taken through this run's step context, got "
                    + gradient);
        }
        double[] now = Vectors.flatten(model.tensors()), then = Vectors.of(parameters, Snapshot.Kind.PARAMETERS);
        for (int i = 0; i < now.length; i++) {
            now[i] -= then[i];
        }
        return model.copyDot(c.copy(), now);
    }

    @Override
    public double parameterNormSq() {
        double[] now = Vectors.flatten(model.tensors());
        return Vectors.dot(now, now);
    }

    @Override
    public double distanceSq(Snapshot parameters) {
        double[] now = Vectors.flatten(model.tensors()), then = Vectors.of(parameters, Snapshot.Kind.PARAMETERS);
        double s = 0;
        for (int i = 0; i < now.length; i++) {
            double d = now[i] - then[i];
            s += d * d;
        }
        return s;
    }

    @Override
    public double displacementDotGradient(Snapshot parameters) {
        double[] now = Vectors.flatten(model.tensors()), then = Vectors.of(parameters, Snapshot.Kind.PARAMETERS);
        double[] grad = g();
        double s = 0;
        for (int i = 0; i < now.length; i++) {
            s += (now[i] - then[i]) * grad[i];
        }
        return s;
    }

    @Override
    public void restore(Snapshot parameters) {
        double[] values = Vectors.of(parameters, Snapshot.Kind.PARAMETERS);
        if (optimizer == null) {
            model.setTensors(Vectors.unflatten(values, model.tensors()));
        } else {
            Vectors.Copy c = (Vectors.Copy) parameters;
            space.moveTo(c.spacePoint());
            optimizer.restoreState(c.optimizerState());
        }
        thetaMoved = true;
    }

    @Override
    public void exploring(boolean on) {
        exploring = on;
    }

    @Override
    public void commit(double eta) {
        StepRules.checkCommit(committed, eta, iteration);
        if (optimizer == null) {
            model.commit(eta);
        } else {
            double[] p = point(eta);
            optimizer.commit(eta, this);
            space.moveTo(p);
        }
        committed = eta;
        thetaMoved = true;
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
    public void scalar(String name, double value) {
        scalars.add(name, iteration, value);
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
