package org.lrsearch.api;

import java.util.List;

/**
 * Everything a reporter renders from: the experiment and its finished runs, in grid order.
 *
 * @since 0.1
 */
public record ExperimentResults(ExperimentInfo info, List<RunResult> runs) {
    public ExperimentResults {
        runs = List.copyOf(runs);
    }
}
