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
 * @param identity   what {@code --resume} compares with the stored experiment (tuning runs and the tuning block
 *                   included; evaluation runs of tuned strategies follow from the stored tuning runs)
 * @param tuning     the {@code tuning:} block, or null
 * @param trials     every tuning candidate of every tuned strategy and setting, feasible or not
 * @param pending    whether evaluation runs of tuned strategies still wait for their tuning runs' results
 * @param winners    the tuning winners this plan was made with ({@link StudyRuns#key} → options)
 */
public record ExperimentPlan(String name, ComposedConfig config, List<PlannedRun> runs, List<Reporter> reporters,
                             Map<String, Object> report, List<Long> seeds, Map<String, Map<String, Object>> strategies,
                             List<String> notices, PlanIdentity identity, Tuning tuning, List<Trial> trials,
                             boolean pending, Map<String, Map<String, Object>> winners) {

    /**
     * One tuning candidate.
     *
     * @param setting    the setting's swept coordinates but the strategy's and optimizer's
     * @param label      the tuned strategy
     * @param trial      its index among the setting's candidates
     * @param options    the drawn option values
     * @param infeasible why the plugin refused it (it then ranks last and has no runs), or null
     */
    public record Trial(Map<String, Object> setting, String label, int trial, Map<String, Object> options,
                        String infeasible) {
    }

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
