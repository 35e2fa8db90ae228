package org.lrsearch.runner;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import org.lrsearch.api.CurvePoint;
import org.lrsearch.api.LossScope;
import org.lrsearch.api.LrSegment;
import org.lrsearch.api.LrStrategy;
import org.lrsearch.api.Model;
import org.lrsearch.api.RunResult;
import org.lrsearch.api.RunSpec;
import org.lrsearch.api.RunStatus;
import org.lrsearch.api.SearchRound;
import org.lrsearch.api.SignChange;
import org.lrsearch.api.StepContext;
import org.lrsearch.api.TraceSink;

/**
 * The training loop of ALGORITHM.md §1: for each iteration, draw a minibatch, compute the
 * gradient once, let the strategy decide the update, and measure test accuracy every
 * {@code evalEvery} iterations and at the end. Counts forward and backward passes, records the
 * LR trace, and stops a run whose loss or parameters stop being finite, or whose loss rises
 * above {@code divergenceFactor} times the initial one.
 */
public final class Trainer {

    /** Supplies the minibatch of each iteration as row indices into the training set. */
    public interface Batches {
        int[] next(int iteration);
    }

    /** Sees each iteration's decisions in full; for conformance tests and detailed traces. */
    public interface Observer {
        void iteration(IterationRecord record);
    }

    /**
     * Everything decided in one iteration.
     *
     * @param iteration       0-based
     * @param phase           the phase the strategy reported ({@code search}, {@code select}, or empty)
     * @param rounds          search rounds of this iteration
     * @param candidates      candidate rates tried, if any
     * @param candidateLosses their losses
     * @param lr              the committed rate, NaN when no update
     * @param lossBefore      minibatch loss before the update
     */
    public record IterationRecord(int iteration, String phase, List<SearchRound> rounds, double[] candidates,
                                  double[] candidateLosses, double lr, double lossBefore) {
    }

    /** Minibatches drawn uniformly with replacement from {@code n} examples. */
    public static Batches withReplacement(int n, int batchSize, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int[] batch = new int[batchSize];
        return it -> {
            for (int b = 0; b < batchSize; b++) {
                batch[b] = rng.nextInt(n);
            }
            return batch;
        };
    }

    /** Epochs: shuffle, then consecutive batches; a last partial batch is dropped. */
    public static Batches epochs(int n, int batchSize, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int perEpoch = Math.max(n / batchSize, 1);
        int[] perm = new int[n];
        int[] batch = new int[Math.min(batchSize, n)];
        return it -> {
            int k = it % perEpoch;
            if (k == 0) {
                for (int i = 0; i < n; i++) {
                    perm[i] = i;
                }
                for (int i = n - 1; i > 0; i--) {
                    int j = rng.nextInt(i + 1);
                    int t = perm[i];
                    perm[i] = perm[j];
                    perm[j] = t;
                }
            }
            System.arraycopy(perm, k * batch.length, batch, 0, batch.length);
            return batch;
        };
    }

    private final RunSpec spec;
    private final Model model;
    private final LrStrategy strategy;
    private final Batches batches;
    private final double divergenceFactor;
    private final Observer observer;
    private final BooleanSupplier cancelled;

    public Trainer(RunSpec spec, Model model, LrStrategy strategy, Batches batches, double divergenceFactor,
                   Observer observer, BooleanSupplier cancelled) {
        this.spec = spec;
        this.model = model;
        this.strategy = strategy;
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

    /** Trains for {@code spec.iterations()} iterations (fewer when diverged) and reports. */
    public RunResult run() {
        long t0 = System.nanoTime();
        long evalNanos = 0;
        Context ctx = new Context();
        List<CurvePoint> curve = new ArrayList<>();
        List<LrSegment> segments = new ArrayList<>();
        int segStart = 0;
        double segLr = Double.NaN;
        double initialLoss = model.trainLoss();
        RunStatus status = RunStatus.OK;
        String message = "";
        int done = 0;
        double lastAccuracy = Double.NaN;
        int lastEvalAt = -1;
        for (int it = 0; it < spec.iterations(); it++) {
            if ((it & 63) == 0 && cancelled.getAsBoolean()) {
                throw new Cancelled();
            }
            ctx.begin(it, batches.next(it));
            if (!Double.isFinite(ctx.loss) || ctx.loss > divergenceFactor * initialLoss) {
                status = RunStatus.DIVERGED;
                message = "minibatch loss " + ctx.loss + " at iteration " + it + (Double.isFinite(ctx.loss)
                        ? " exceeds " + divergenceFactor + " x the initial loss " + initialLoss : " is not finite");
                break;
            }
            strategy.step(ctx);
            if (ctx.divergedReason != null) {
                status = RunStatus.DIVERGED;
                message = ctx.divergedReason;
                done = it;
                break;
            }
            done = it + 1;
            if (observer != null) {
                observer.iteration(ctx.record());
            }
            if (!sameLr(ctx.committed, segLr) || it == 0) {
                if (it > 0) {
                    segments.add(new LrSegment(segStart, it - 1, segLr));
                }
                segStart = it;
                segLr = ctx.committed;
            }
            if (done % spec.evalEvery() == 0 || done == spec.iterations()) {
                if (!model.isFinite()) {
                    status = RunStatus.DIVERGED;
                    message = "a parameter is not finite after iteration " + it;
                    break;
                }
                long e0 = System.nanoTime();
                lastAccuracy = model.testAccuracy();
                evalNanos += System.nanoTime() - e0;
                lastEvalAt = done;
                if (done % spec.evalEvery() == 0) {
                    curve.add(new CurvePoint(done, lastAccuracy, ctx.committed));
                }
            }
        }
        if (done > 0) {
            segments.add(new LrSegment(segStart, done - 1, segLr));
        }
        double accuracy = lastAccuracy;
        double trainLoss = Double.NaN;
        if (status == RunStatus.OK || model.isFinite()) {
            if (lastEvalAt != done) {
                long e0 = System.nanoTime();
                accuracy = model.testAccuracy();
                evalNanos += System.nanoTime() - e0;
            }
            trainLoss = model.trainLoss();
        }
        long wallMs = (System.nanoTime() - t0) / 1_000_000;
        return new RunResult(spec, status, message, done, accuracy, trainLoss,
                strategy.bound().orElse(Double.NaN), ctx.forward, ctx.backward, wallMs, evalNanos / 1_000_000,
                curve, ctx.rounds, segments, ctx.warnings);
    }

    private static boolean sameLr(double a, double b) {
        return Double.compare(a, b) == 0;
    }

    /** The per-iteration {@link StepContext}, reused across iterations. */
    private final class Context implements StepContext, TraceSink {
        long forward;
        long backward;
        final List<SearchRound> rounds = new ArrayList<>();
        final List<String> warnings = new ArrayList<>();
        int iteration;
        double loss;
        double committed;
        String phase;
        int roundsAtStart;
        double[] candidates;
        double[] candidateLosses;
        double[] g;
        double[] gTrial;
        boolean gCopied;
        String divergedReason;

        void begin(int it, int[] batch) {
            iteration = it;
            loss = model.gradient(batch);
            forward++;
            backward++;
            committed = Double.NaN;
            phase = "";
            roundsAtStart = rounds.size();
            candidates = null;
            candidateLosses = null;
            gCopied = false;
        }

        IterationRecord record() {
            return new IterationRecord(iteration, phase, List.copyOf(rounds.subList(roundsAtStart, rounds.size())),
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
            forward++;
            return model.trialLoss(eta, scope);
        }

        @Override
        public double signChangePercent(double eta) {
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
            if (!Double.isNaN(committed)) {
                throw new IllegalStateException("strategy committed twice in iteration " + iteration);
            }
            if (!(eta > 0) || Double.isInfinite(eta)) {
                throw new IllegalArgumentException("learning rate " + eta + " at iteration " + iteration
                        + " is not a finite rate > 0");
            }
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
        public void searchRound(SearchRound round) {
            rounds.add(round);
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
}
