package org.lrsearch.runner.plan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.lrsearch.runner.config.ConfigException;
import org.lrsearch.runner.config.Mappers;
import org.lrsearch.runner.plugins.Strategies;

/**
 * The runs of one grid cell. Without tuning: the cell's strategy on every seed. With a {@code tuning:}
 * block and a tuned strategy: its tuning runs (every candidate on every tuning seed, {@code phase: tuning},
 * {@code trial: i}), and, once the winner of the cell's setting is known, its evaluation runs with the
 * winning options ({@code phase: evaluation}); with {@code compareDefaults}, also the strategy as written,
 * labelled {@code LABEL (default)}.
 */
final class StudyRuns {
    /** Joins a label and a setting into a winner's key. */
    static final String KEY_JOIN = "\u0000";

    private final RunResolver resolver;
    private final Strategies strategies;
    private final Map<String, Map<String, Object>> specs;
    private final Map<String, Map<String, Object>> optimizerSpecs;
    private final List<Long> seeds;
    private final List<String> swept;
    private final Tuning tuning;
    private final Map<String, Map<String, Object>> winners;
    final List<PlannedRun> runs = new java.util.ArrayList<>();
    final List<ExperimentPlan.Trial> trials = new java.util.ArrayList<>();
    boolean pending;

    StudyRuns(RunResolver resolver, Strategies strategies, Map<String, Map<String, Object>> specs,
              Map<String, Map<String, Object>> optimizerSpecs, List<Long> seeds, List<String> swept, Tuning tuning,
              Map<String, Map<String, Object>> winners) {
        this.resolver = resolver;
        this.strategies = strategies;
        this.specs = specs;
        this.optimizerSpecs = optimizerSpecs;
        this.seeds = seeds;
        this.swept = swept;
        this.tuning = tuning;
        this.winners = winners;
    }

    /** A cell's setting: its grid values but the strategy's and optimizer's, by key. */
    static Map<String, Object> setting(Map<String, Object> cell) {
        Map<String, Object> s = new TreeMap<>(cell);
        s.remove("strategy");
        s.remove("optimizer");
        return s;
    }

    static String key(String label, Map<String, Object> setting) {
        return label + KEY_JOIN + Mappers.toJson(setting);
    }

    void addCell(Map<String, Object> cell, Map<String, Object> cellTree, Function<String, String> originOf) {
        String label = String.valueOf(cellTree.get("strategy"));
        if (tuning == null || !tuning.tunes(label)) {
            evaluate(cellTree, specs, originOf);
            return;
        }
        Map<String, Object> setting = setting(cell);
        List<Map<String, Object>> candidates = tuning.candidates(label, Mappers.toJson(setting));
        for (int i = 0; i < candidates.size(); i++) {
            Map<String, Object> spec = new LinkedHashMap<>(specs.get(label));
            spec.putAll(candidates.get(i));
            Map<String, Object> normal;
            try {
                normal = strategies.normalise("strategies." + label, spec, k -> originOf.apply("tuning"));
            } catch (ConfigException e) {
                // Refused by its plugin (α ≤ β, say): ranks last, runs nothing, never stops the study.
                trials.add(new ExperimentPlan.Trial(setting, label, i, candidates.get(i), e.getMessage()));
                continue;
            }
            trials.add(new ExperimentPlan.Trial(setting, label, i, candidates.get(i), null));
            for (long seed : tuning.seeds()) {
                Map<String, Object> phase = new LinkedHashMap<>();
                phase.put("phase", "tuning");
                phase.put("trial", i);
                runs.add(resolver.resolve(runs.size(), cellTree, Map.of(label, normal), optimizerSpecs, seed, swept,
                        originOf, phase));
            }
        }
        Map<String, Object> won = winners.get(key(label, setting));
        if (won == null) {
            pending = true;
        } else {
            Map<String, Object> spec = new LinkedHashMap<>(specs.get(label));
            spec.putAll(won);
            evaluate(cellTree, Map.of(label, strategies.normalise("strategies." + label, spec, originOf)), originOf);
        }
        if (tuning.compareDefaults()) {
            String dflt = label + " (default)";
            Map<String, Object> tree = new LinkedHashMap<>(cellTree);
            tree.put("strategy", dflt);
            evaluate(tree, Map.of(dflt, specs.get(label)), originOf);
        }
    }

    /** The evaluation runs of the cell's strategy label, its spec in {@code specsOf} (as written, tuned, or the default's). */
    private void evaluate(Map<String, Object> cellTree, Map<String, Map<String, Object>> specsOf,
                          Function<String, String> originOf) {
        Map<String, Object> phase = tuning == null ? Map.of() : Map.of("phase", "evaluation");
        for (long seed : seeds) {
            runs.add(resolver.resolve(runs.size(), cellTree, specsOf, optimizerSpecs, seed, swept, originOf, phase));
        }
    }
}
