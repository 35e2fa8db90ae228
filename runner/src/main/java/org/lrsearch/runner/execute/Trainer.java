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

    /**
     * One iteration's minibatch, loss check and update; null to go on, else why the run diverged.
     *
     * <p>A method of its own, called once per iteration, so that the JIT profiles it from its first
     * few hundred calls, the warm-up's included, and compiles it knowing every strategy class the
     * process trains with. Inside {@link #run}'s loop it was profiled only once the loop itself was
     * compiled, that is during the grid's first strategy: the compiled loop assumed that strategy's
     * class alone, was thrown away when the next strategy came, and was compiled again (five times a
     * grid, with the first runs meanwhile in slower code).
     */
    private String iterate(TrainingContext ctx, int it, double initialLoss) {
        ctx.begin(it, batches.next(it));
        // The guard against a growing loss is suspended while a strategy explores on purpose.
        if (!Double.isFinite(ctx.loss) || (!ctx.exploring && ctx.loss > divergenceFactor * initialLoss)) {
            return "minibatch loss " + ctx.loss + " at iteration " + it + (Double.isFinite(ctx.loss)
                    ? " exceeds " + divergenceFactor + " x the initial loss " + initialLoss : " is not finite");
        }
        strategy.step(ctx);
        return ctx.divergedReason;
    }

    /** What the loop leaves for the run's result. */
    private static final class Progress {
        RunStatus status = RunStatus.OK;
        String message = "";
        int done;
        double lastAccuracy = Double.NaN;
        int lastEvalAt = -1;
        long evalNanos;
        final List<CurvePoint> curve = new ArrayList<>();
        final LrTrace lrs = new LrTrace();
    }

    /**
     * Trains for {@code spec.iterations()} iterations (fewer when diverged) and reports.
     *
     * <p>The loop ({@link #train}) and the result ({@link #finish}) are methods of their own for the
     * JIT: the loop is compiled while it runs, from a profile of the calls made so far; the strategy's
     * class-specific calls at the end of a run (its results) are kept out of it, so that a later
     * strategy's class does not throw the compiled loop away.
     */
    public RunResult run() {
        long t0 = System.nanoTime();
        TrainingContext ctx = new TrainingContext(model, optimizer, spec.iterations(), trainingSetSize, spec.batchSize());
        EvaluationPoint at = new EvaluationPoint(ctx.space, optimizer);
        Progress p = new Progress();
        train(ctx, at, p);
        return finish(ctx, at, p, t0);
    }

    private void train(TrainingContext ctx, EvaluationPoint at, Progress p) {
        double initialLoss = model.trainLoss();
        boolean perEpoch = spec.evalEvery() == RunSpec.EVERY_EPOCH;
        for (int it = 0; it < spec.iterations(); it++) {
            if ((it & 63) == 0 && cancelled.getAsBoolean()) {
                throw new Cancelled();
            }
            String diverged = iterate(ctx, it, initialLoss);
            if (diverged != null) {
                p.status = RunStatus.DIVERGED;
                p.message = diverged;
                return;
            }
            p.done = it + 1;
            if (observer != null) {
                observer.iteration(ctx.record());
            }
            p.lrs.add(ctx.committed);
            boolean scheduled = scheduled(spec, it, trainingSetSize);
            if (scheduled || p.done == spec.iterations()) {
                if (!model.isFinite()) {
                    p.status = RunStatus.DIVERGED;
                    p.message = "a parameter is not finite after iteration " + it;
                    return;
                }
                long e0 = System.nanoTime();
                at.enter();
                p.lastAccuracy = model.testAccuracy();
                p.lastEvalAt = p.done;
                // A per-epoch curve ends with the run's final point, as the paper's figure does.
                if (scheduled || perEpoch) {
                    double epoch = (double) ((long) it * spec.batchSize()) / trainingSetSize;
                    p.curve.add(new CurvePoint(p.done, p.lastAccuracy, ctx.committed, epoch, model.trainAccuracy(),
                            ctx.forward + ctx.backward));
                }
                at.leave();
                p.evalNanos += System.nanoTime() - e0;
            }
        }
    }

    /** The final measurements (test accuracy unless the last iteration measured it) and the run's result. */
    private RunResult finish(TrainingContext ctx, EvaluationPoint at, Progress p, long t0) {
        double accuracy = p.lastAccuracy;
        double trainLoss = Double.NaN;
        double validationAccuracy = Double.NaN;
        if (p.status == RunStatus.OK || model.isFinite()) {
            at.enter();
            if (validation != null) {
                validationAccuracy = model.accuracy(validation);
            }
            if (p.lastEvalAt != p.done) {
                long e0 = System.nanoTime();
                accuracy = model.testAccuracy();
                p.evalNanos += System.nanoTime() - e0;
            }
            trainLoss = model.trainLoss();
            at.leave();
        }
        long wallMs = (System.nanoTime() - t0) / 1_000_000;
        return new RunResult(spec, p.status, p.message, p.done, accuracy, trainLoss, strategy.results(), ctx.forward,
                ctx.backward, wallMs, p.evalNanos / 1_000_000, p.curve, ctx.events, p.lrs.segments(),
                ctx.scalars.series(), ctx.warnings, validationAccuracy);
    }
}
