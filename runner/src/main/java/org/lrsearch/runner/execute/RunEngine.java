package org.lrsearch.runner.execute;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.lrsearch.api.RunResult;
import org.lrsearch.runner.plan.ExperimentPlan;
import org.lrsearch.runner.plan.PlannedRun;

/**
 * Where the runs of a plan execute: this JVM's thread pool ({@code local}, the default) or an
 * existing distributed engine ({@code spark}, in its own module). Planning, the results store and
 * the reports stay with the caller; an engine only executes runs and hands back each result as it
 * finishes. Engines are found through {@link java.util.ServiceLoader} under {@link #id()}.
 */
public interface RunEngine {
    /** The value of {@code --executor} that selects this engine (kebab-case, stable). */
    String id();

    /**
     * Executes {@code runs} (all of them planned by {@code job.plan()}) and calls {@code done} on
     * the calling JVM once per run as it finishes, never for two runs at once.
     *
     * @return false when {@link #cancel()} stopped it before every run finished
     */
    boolean execute(Job job, List<PlannedRun> runs, Completion done);

    /** Stops the runs in flight (called from another thread, e.g. on Ctrl-C); finished runs stay done. */
    void cancel();

    /** Receives each finished run on the calling JVM; this is where it is committed to the store. */
    @FunctionalInterface
    interface Completion {
        void finished(PlannedRun run, RunResult result);
    }

    /**
     * One execution request.
     *
     * @param plan      the validated plan the runs belong to
     * @param executor  builds and trains one run in this JVM (engines that run elsewhere build their own)
     * @param threads   runs in parallel, for engines that decide it themselves (null: the engine's default)
     * @param options   engine settings from the command line, e.g. {@code master} for Spark
     * @param pluginDir the {@code --plugins} folder (null when none), for engines that ship plugin jars
     */
    record Job(ExperimentPlan plan, RunExecutor executor, Integer threads, Map<String, String> options, Path pluginDir) {
        public Job {
            options = Map.copyOf(options);
        }
    }
}
