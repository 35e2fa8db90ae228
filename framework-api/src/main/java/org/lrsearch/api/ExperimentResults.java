package org.lrsearch.api;

import java.util.List;

/**
 * Everything a reporter renders from: the experiment and its finished runs, in grid order. Read from a
 * results store, the runs are a {@link StoredList}: read in chunks as they are walked, each run's curve and
 * traces only when asked for, so a reporter that summarises as it goes holds no more than a chunk.
 *
 * @since 0.1
 */
public record ExperimentResults(ExperimentInfo info, List<RunResult> runs, List<RunResult> tuning) {
    public ExperimentResults {
        runs = StoredList.keepOrCopy(runs);
        tuning = StoredList.keepOrCopy(tuning);
    }

    /** The results of a study without tuning runs. */
    public ExperimentResults(ExperimentInfo info, List<RunResult> runs) {
        this(info, runs, List.of());
    }

    /**
     * A study's stored runs split by phase: the evaluation runs, which every comparison reads, and a tuned
     * study's tuning runs (coordinate {@code phase: tuning}), which only its Tuning section does.
     *
     * @since 0.3
     */
    public static ExperimentResults of(ExperimentInfo info, List<RunResult> all) {
        java.util.function.Predicate<RunResult> tuning = r -> "tuning".equals(r.spec().coordinate("phase"));
        return new ExperimentResults(info, all.stream().filter(tuning.negate()).toList(), all.stream().filter(tuning).toList());
    }
}
