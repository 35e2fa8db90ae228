package org.lrsearch.runner.execute;

import com.google.inject.Inject;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.lrsearch.api.Cores;
import org.lrsearch.api.FewShotTask;
import org.lrsearch.api.LrStrategy;
import org.lrsearch.api.Model;
import org.lrsearch.api.Optimizer;
import org.lrsearch.api.RunResult;
import org.lrsearch.api.RunSpec;
import org.lrsearch.api.RunStatus;
import org.lrsearch.api.Seeds;
import org.lrsearch.runner.config.ComposedConfig;
import org.lrsearch.runner.plan.PlannedRun;
import org.lrsearch.runner.plan.Planner;
import org.lrsearch.runner.plugins.BoundPlugin;
import org.lrsearch.runner.plugins.Optimizers;
import org.lrsearch.runner.plugins.Strategies;

/** Builds one planned run from its plugins and trains it; a plugin that throws yields a failed result. */
public final class RunExecutor {
    private static final Logger LOG = LogManager.getLogger(RunExecutor.class);

    private final Strategies strategies;
    private final Optimizers optimizers;

    @Inject
    public RunExecutor(Planner planner) {
        this.strategies = planner.strategies();
        this.optimizers = planner.optimizers();
    }

    /** Iterations of a warm-up run: enough for the JIT to compile the training and evaluation loops. */
    static final int WARM_UP_ITERATIONS = 500;
    /** Evaluations of a warm-up run, at most. */
    static final int WARM_UP_EVALUATIONS = 20;

    /**
     * Trains a shortened copy of {@code run} (evaluating as it does, at most {@link #WARM_UP_EVALUATIONS}
     * times, so the same evaluation code runs) and discards it, so that the runs timed afterwards do not
     * pay for the JIT compiling their code: without it the first run of a process took 1.2 s where the
     * same run took 80 ms later, and the Compute table's times depended on run order. Nothing of it is
     * kept; caches it fills (data, kernels) hold the same values a run would compute.
     */
    public void warmUp(PlannedRun run, ComposedConfig config, BooleanSupplier cancelled) {
        RunSpec s = run.spec();
        int iterations = Math.min(s.iterations(), WARM_UP_ITERATIONS);
        // At most WARM_UP_EVALUATIONS evaluations: each runs its loops over the whole test set, so a few
        // compile them; a per-epoch schedule on a 1-shot set would evaluate a hundred times.
        int every = Math.max(iterations / WARM_UP_EVALUATIONS, 1);
        int evalEvery = s.evalEvery() == RunSpec.EVERY_EPOCH ? every : Math.max(s.evalEvery(), every);
        RunSpec shortened = new RunSpec(s.runId(), s.dataset(), s.model(), s.batchSize(), s.shots(), s.selection(),
                s.strategy(), s.strategyPlugin(), s.seed(), iterations, evalEvery, s.coordinates(), s.swept());
        execute(new PlannedRun(run.order(), shortened, run.dataset(), run.request(), run.model(), run.strategyKey(),
                run.strategySpec(), run.optimizerKey(), run.optimizerSpec(), run.training()), config, cancelled);
    }

    /** Trains {@code run}; never throws for a plugin fault (only {@link Trainer.Cancelled}). */
    public RunResult execute(PlannedRun run, ComposedConfig config, BooleanSupplier cancelled) {
        long t0 = System.nanoTime();
        try (Cores.Running counted = Cores.running()) {
            FewShotTask task = BoundPlugin.load(run.dataset(), run.request());
            Model model = BoundPlugin.create(run.model(), task);
            model.initialize(run.spec().seed());
            model.expectEvaluations(Trainer.evaluations(run.spec(), task.train().count()));
            LrStrategy strategy = strategies.build(run.strategyKey(), run.strategySpec(), config::originOf);
            Optimizer optimizer = optimizers.build(run.optimizerKey(), run.optimizerSpec(), config::originOf);
            long batchSeed = Seeds.derive(run.spec().seed(), "minibatch");
            int n = task.train().count();
            Batches batches = run.training().sampling().equals("epochs")
                    ? Batches.epochs(n, run.training().batchSize(), batchSeed)
                    : Batches.withReplacement(n, run.training().batchSize(), batchSeed);
            return new Trainer(run.spec(), model, strategy, optimizer, n, batches, run.training().divergenceFactor(), null, cancelled)
                    .validation(task.validation()).run();
        } catch (Trainer.Cancelled c) {
            throw c;
        } catch (RuntimeException | StackOverflowError e) {
            LOG.error("run {} ({}) failed", run.spec().runId(), run.spec().strategy(), e);
            String msg = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            return new RunResult(run.spec(), RunStatus.FAILED, msg, 0, Double.NaN, Double.NaN, java.util.Map.of(), 0, 0,
                    (System.nanoTime() - t0) / 1_000_000, 0, List.of(), List.of(), List.of(), List.of(), List.of());
        }
    }
}
