package org.lrsearch.reporters;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.lrsearch.api.RunResult;
import org.lrsearch.api.RunSpec;
import org.lrsearch.api.RunStatus;

/**
 * A study's settings: every combination of the swept keys but the method's (strategy, and optimizer where
 * swept), over which compute fronts and performance profiles compare methods. Settings are never pooled.
 */
final class Settings {
    private Settings() {
    }

    /** A run's setting: its swept coordinates without the method's. */
    static Map<String, Object> of(RunSpec spec) {
        Map<String, Object> c = new LinkedHashMap<>(spec.sweptCoordinates());
        c.keySet().removeAll(ResultCells.METHOD_KEYS);
        return c;
    }

    /** Runs by setting, then by method, both in run order. */
    static Map<Map<String, Object>, Map<String, List<RunResult>>> group(List<RunResult> runs) {
        Map<Map<String, Object>, Map<String, List<RunResult>>> groups = new LinkedHashMap<>();
        for (RunResult r : runs) {
            groups.computeIfAbsent(of(r.spec()), k -> new LinkedHashMap<>())
                    .computeIfAbsent(r.spec().strategy(), k -> new ArrayList<>()).add(r);
        }
        return groups;
    }

    /**
     * Runs' coordinates without the method's, one instance per distinct setting: the pairing keys of a
     * study's runs (a setting and a seed) then take a few bytes a run, not a copy of its coordinates.
     */
    static final class Shared {
        private final Map<Map<String, Object>, Map<String, Object>> byCoordinates = new IdentityHashMap<>();
        private final Map<Map<String, Object>, Map<String, Object>> settings = new HashMap<>();

        /** All coordinates but the method's, sorted by key. */
        Map<String, Object> setting(RunSpec s) {
            return byCoordinates.computeIfAbsent(s.coordinates(), c -> {
                Map<String, Object> m = new TreeMap<>(c);
                m.keySet().removeAll(ResultCells.METHOD_KEYS);
                return settings.computeIfAbsent(m, k -> k);
            });
        }
    }

    /** {@code training.batchSize=2, dataset.shots=1}; "all runs" when only the method is swept. */
    static String label(Map<String, Object> setting) {
        return setting.isEmpty() ? "all runs" : setting.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", "));
    }

    /** Final test accuracies of the runs that finished (failed ones and non-numbers left out). */
    static SummaryStatistics accuracy(List<RunResult> runs) {
        SummaryStatistics acc = new SummaryStatistics();
        runs.stream().filter(r -> r.status() != RunStatus.FAILED && !Double.isNaN(r.testAccuracy()))
                .forEach(r -> acc.addValue(r.testAccuracy()));
        return acc;
    }
}
