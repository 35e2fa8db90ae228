package org.lrsearch.runner.plan;

import java.util.List;
import java.util.Map;
import org.lrsearch.api.ReporterPlugin;
import org.lrsearch.runner.config.ComposedConfig;
import org.lrsearch.runner.plugins.BoundPlugin;

/**
 * A validated experiment: its runs in grid order, its reporters and report settings.
 *
 * @param name       the experiment's name
 * @param config     the composed config it came from
 * @param runs       every run, grid order, seeds innermost
 * @param reporters  the reporters to run at the end
 * @param report     the {@code report} section, paths absolute
 * @param seeds      the seeds
 * @param strategies strategy label to its normalised spec
 * @param notices    what the user should read before the runs start (a sweep the command line
 *                   replaced, data that a run would fetch), one line each
 * @param identity   what {@code --resume} compares with the stored experiment
 */
public record ExperimentPlan(String name, ComposedConfig config, List<PlannedRun> runs, List<Reporter> reporters,
                             Map<String, Object> report, List<Long> seeds, Map<String, Map<String, Object>> strategies,
                             List<String> notices, PlanIdentity identity) {

    /** A reporter with its bound options, and its spec as stored for {@code lrsearch report}. */
    public record Reporter(BoundPlugin<ReporterPlugin<?>> bound, Map<String, Object> spec) {
        public String id() {
            return bound.id();
        }
    }

    /** The strategy labels that actually run (those the grid or {@code strategy} selects), in run order. */
    public List<String> runStrategies() {
        return runs.stream().map(r -> r.spec().strategy()).distinct().toList();
    }
}
