package org.lrsearch.reporters;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lrsearch.api.ExperimentResults;
import org.lrsearch.api.RunResult;
import org.lrsearch.api.RunStatus;

/**
 * Strategies ranked across settings (Demšar 2006). A block is one combination of every coordinate
 * but the strategy, with the seed; within a block strategies are ranked by test accuracy (1 = best,
 * ties averaged). Blocks where a strategy has no finished run are left out, so every strategy is
 * ranked over the same blocks. Then the Friedman test, the Iman–Davenport F, the Bonferroni–Dunn
 * critical difference against the baseline, drawn for scale. Which differences are significant is
 * decided once for the whole report, by {@link Comparisons}.
 *
 * @param strategies the strategies, in config order
 * @param meanRanks  each one's average rank
 * @param friedman   the Friedman test
 * @param criticalDifference Bonferroni–Dunn at α = 0.05: a strategy whose average rank differs from the
 *                   baseline's by more is significantly different
 * @param baseline   the strategy the others are compared with; null when every pair is ({@code report.baseline: all})
 * @param identical  groups of two or more strategies with the same test accuracy in every block, in
 *                   config order: the ranking counts them as separate strategies though they are one
 */
record Ranking(List<String> strategies, double[] meanRanks, RankingStats.Friedman friedman, double criticalDifference,
               String baseline, List<List<String>> identical) {

    /** The ranking, or null when there are fewer than two strategies or two complete blocks. */
    static Ranking of(ExperimentResults results, List<String> strategies, String requestedBaseline) {
        if (strategies.size() < 2) {
            return null;
        }
        // A block is a setting and a seed. Their order does not matter: ranks are sums of halves, exact in any order.
        Settings.Shared shared = new Settings.Shared();
        Map<Block, Map<String, Double>> blocks = new LinkedHashMap<>();
        for (RunResult r : results.runs()) {
            if (r.status() == RunStatus.FAILED || Double.isNaN(r.testAccuracy())) {
                continue;
            }
            blocks.computeIfAbsent(new Block(shared.setting(r.spec()), r.spec().seed()), k -> new LinkedHashMap<>(4))
                    .put(r.spec().strategy(), r.testAccuracy());
        }
        List<double[]> rows = new ArrayList<>();
        for (Map<String, Double> b : blocks.values()) {
            if (b.keySet().containsAll(strategies)) {
                rows.add(strategies.stream().mapToDouble(b::get).toArray());
            }
        }
        if (rows.size() < 2) {
            return null;
        }
        double[][] acc = rows.toArray(double[][]::new);
        String resolved = Comparisons.baseline(requestedBaseline, strategies);
        String baseline = Comparisons.ALL.equals(resolved) ? null : resolved;
        return new Ranking(List.copyOf(strategies), RankingStats.averageRanks(acc), RankingStats.friedman(acc),
                RankingStats.criticalDifference(strategies.size(), acc.length, 0.05), baseline,
                identical(strategies, acc));
    }

    private record Block(Map<String, Object> setting, long seed) {
    }

    private static List<List<String>> identical(List<String> strategies, double[][] acc) {
        List<List<String>> groups = new ArrayList<>();
        boolean[] grouped = new boolean[strategies.size()];
        for (int a = 0; a < strategies.size(); a++) {
            if (grouped[a]) {
                continue;
            }
            List<String> group = new ArrayList<>(List.of(strategies.get(a)));
            for (int b = a + 1; b < strategies.size(); b++) {
                boolean same = true;
                for (double[] row : acc) {
                    same &= row[a] == row[b];
                }
                if (same) {
                    grouped[b] = true;
                    group.add(strategies.get(b));
                }
            }
            if (group.size() > 1) {
                groups.add(List.copyOf(group));
            }
        }
        return List.copyOf(groups);
    }
}
