package org.lrsearch.runner.execute;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.lrsearch.api.CurvePoint;
import org.lrsearch.api.LrStrategy;
import org.lrsearch.api.Model;
import org.lrsearch.api.Optimizer;
import org.lrsearch.api.RunResult;
import org.lrsearch.api.RunSpec;
import org.lrsearch.api.RunStatus;
import org.lrsearch.api.Samples;
import org.lrsearch.api.TraceEvent;
import org.lrsearch.runner.plan.TrainingSettings;

/**
 * The training loop of docs/METHOD.md §1: for each iteration, draw a minibatch, compute the
 * gradient once, let the strategy decide the update, and measure test accuracy (and training-set
 * accuracy, for curves) every {@code evalEvery} iterations or once per epoch, and at the end. Counts forward and backward passes, records the
 * LR trace, and stops a run whose loss or parameters stop being finite, whose loss rises above
 * {@code divergenceFactor} times the initial one, or whose strategy finds no step it can take.
 */
public final class Trainer {

    /** Sees each iteration's decisions in full; for conformance tests and detailed traces. */
    public interface Observer {
        void iteration(IterationRecord record);
    }

    /**
     * Everything decided in one iteration.
     *
     * @param iteration       0-based
     * @param phase           the phase the strategy reported ({@code search}, {@code select}, {@code rangeTest}), else {@code train}
     * @param events          the strategy's trace events of this iteration
     * @param candidates      candidate rates tried, if any
     * @param candidateLosses their losses
     * @param lr              the committed rate, NaN when no update
     * @param lossBefore      minibatch loss before the update
     */
    public record IterationRecord(int iteration, String phase, List<TraceEvent> events, double[] candidates,
                                  double[] candidateLosses, double lr, double lossBefore) {
    }

    private final RunSpec spec;
    private final Model model;
    private final LrStrategy strategy;
    private final Optimizer optimizer;
    private final Batches batches;
    private final double divergenceFactor;
    private final Observer observer;
    private final BooleanSupplier cancelled;
    private final int trainingSetSize;
    private Samples validation;

    /** A trainer of plain SGD (the paper's setting). */
    public Trainer(RunSpec spec, Model model, LrStrategy strategy, int trainingSetSize, Batches batches,
                   double divergenceFactor, Observer observer, BooleanSupplier cancelled) {
        this(spec, model, strategy, null, trainingSetSize, batches, divergenceFactor, observer, cancelled);
    }

    /**
     * @param optimizer       the run's optimizer with its fresh state, or null for plain SGD
     * @param trainingSetSize n, the size of the k-shot training set the batches index into
     */
    public Trainer(RunSpec spec, Model model, LrStrategy strategy, Optimizer optimizer, int trainingSetSize,
                   Batches batches, double divergenceFactor, Observer observer, BooleanSupplier cancelled) {
        this.spec = spec;
        this.trainingSetSize = trainingSetSize;
        this.model = model;
        this.strategy = strategy;
        this.optimizer = optimizer;
        this.batches = batches;
        this.divergenceFactor = divergenceFactor;
        this.observer = observer;
        this.cancelled = cancelled;
    }

    /** Thrown when the experiment is being stopped; the run is not recorded. */
    public static final class Cancelled extends RuntimeException {
        Cancelled() {
            super("cancelled", null, false, false);
        }
    }

    /** Also measures accuracy on {@code set} (the task's validation set, or null for none) at the end. */
    public Trainer validation(Samples set) {
        this.validation = set;
        return this;
    }

    /** Whether test accuracy is measured after the update of iteration {@code i} (0-based), the run's end aside. */
    static boolean scheduled(RunSpec spec, int i, int trainingSetSize) {
        return spec.evalEvery() == RunSpec.EVERY_EPOCH ? TrainingSettings.evaluatesAfter(i, trainingSetSize, spec.batchSize())
                : (i + 1) % spec.evalEvery() == 0;
    }

    /** Test evaluations a run that does not stop early does: the scheduled ones and, if the last iteration is not one, the final one. */
    static int evaluations(RunSpec spec, int trainingSetSize) {
        int count = 0;
        for (int i = 0; i < spec.iterations(); i++) {
            if (scheduled(spec, i, trainingSetSize) || i == spec.iterations() - 1) {
                count++;
            }
        }
        return count;
    }

    /** Trains for {@code spec.iterations()} iterations (fewer when diverged) and reports. */
    public RunResult run() {
        long t0 = System.nanoTime();
        long evalNanos = 0;
        TrainingContext ctx = new TrainingContext(model, optimizer, spec.iterations(), trainingSetSize, spec.batchSize());
        EvaluationPoint at = new EvaluationPoint(ctx.space, optimizer);
        List<CurvePoint> curve = new ArrayList<>();
        LrTrace lrs = new LrTrace();
        double initialLoss = model.trainLoss();
        RunStatus status = RunStatus.OK;
        String message = "";
        int done = 0;
        double lastAccuracy = Double.NaN;
        int lastEvalAt = -1;
        boolean perEpoch = spec.evalEvery() == RunSpec.EVERY_EPOCH;
        for (int it = 0; it < spec.iterations(); it++) {
            if ((it & 63) == 0 && cancelled.getAsBoolean()) {
                throw new Cancelled();
            }
            ctx.begin(it, batches.next(it));
            // The guard against a growing loss is suspended while a strategy explores on purpose.
            if (!Double.isFinite(ctx.loss) || (!ctx.exploring && ctx.loss > divergenceFactor * initialLoss)) {
                status = RunStatus.DIVERGED;
                message = "minibatch loss " + ctx.loss + " at iteration " + it + (Double.isFinite(ctx.loss)
                        ? " exceeds " + divergenceFactor + " x the initial loss " + initialLoss : " is not finite");
                break;
            }
            strategy.step(ctx);
            if (ctx.divergedReason != null) {
                status = RunStatus.DIVERGED;
                message = ctx.divergedReason;
                break;
            }
            done = it + 1;
            if (observer != null) {
                observer.iteration(ctx.record());
            }
            lrs.add(ctx.committed);
            boolean scheduled = scheduled(spec, it, trainingSetSize);
            if (scheduled || done == spec.iterations()) {
                if (!model.isFinite()) {
                    status = RunStatus.DIVERGED;
                    message = "a parameter is not finite after iteration " + it;
                    break;
                }
                long e0 = System.nanoTime();
                at.enter();
                lastAccuracy = model.testAccuracy();
                lastEvalAt = done;
                // A per-epoch curve ends with the run's final point, as the paper's figure does.
                if (scheduled || perEpoch) {
                    double epoch = (double) ((long) it * spec.batchSize()) / trainingSetSize;
                    curve.add(new CurvePoint(done, lastAccuracy, ctx.committed, epoch, model.trainAccuracy(),
                            ctx.forward + ctx.backward));
                }
                at.leave();
                evalNanos += System.nanoTime() - e0;
            }
        }
        double accuracy = lastAccuracy;
        double trainLoss = Double.NaN;
        double validationAccuracy = Double.NaN;
        if (status == RunStatus.OK || model.isFinite()) {
            at.enter();
            if (validation != null) {
                validationAccuracy = model.accuracy(validation);
            }
            if (lastEvalAt != done) {
                long e0 = System.nanoTime();
                accuracy = model.testAccuracy();
                evalNanos += System.nanoTime() - e0;
            }
            trainLoss = model.trainLoss();
            at.leave();
        }
        long wallMs = (System.nanoTime() - t0) / 1_000_000;
        return new RunResult(spec, status, message, done, accuracy, trainLoss, strategy.results(), ctx.forward,
                ctx.backward, wallMs, evalNanos / 1_000_000, curve, ctx.events, lrs.segments(), ctx.scalars.series(),
                ctx.warnings, validationAccuracy);
    }
}
