package org.lrsearch.reporters;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.lrsearch.api.ExperimentResults;
import org.lrsearch.api.RunResult;
import org.lrsearch.api.RunStatus;

/**
 * Strategies ranked across settings (Demšar 2006). A block is one combination of every coordinate
 * but the strategy, with the seed; within a block strategies are ranked by test accuracy (1 = best,
 * ties averaged). Blocks where a strategy has no finished run are left out, so every strategy is
 * ranked over the same blocks. Then the Friedman test, the Iman–Davenport F, the Bonferroni–Dunn
 * critical difference against the baseline, and every strategy's Wilcoxon test against the baseline
 * over the same blocks, Holm-adjusted.
 *
 * @param strategies the strategies, in config order
 * @param meanRanks  each one's average rank
 * @param friedman   the Friedman test
 * @param criticalDifference Bonferroni–Dunn at α = 0.05: a strategy whose average rank differs from the
 *                   baseline's by more is significantly different
 * @param baseline   the strategy the others are tested against
 * @param pairwise   each other strategy against the baseline
 * @param identical  groups of two or more strategies with the same test accuracy in every block, in
 *                   config order: the ranking counts them as separate strategies though they are one
 */
record Ranking(List<String> strategies, double[] meanRanks, RankingStats.Friedman friedman, double criticalDifference,
               String baseline, List<Pair> pairwise, List<List<String>> identical) {

    /**
     * @param pairs    blocks with a non-zero difference
     * @param wilcoxonP two-sided, NaN when every difference is zero ("identical")
     * @param holmP    Holm-adjusted over all pairwise tests
     */
    record Pair(String strategy, String baseline, int blocks, int pairs, double wilcoxonP, double holmP) {
    }

    /** The ranking, or null when there are fewer than two strategies or two complete blocks. */
    static Ranking of(ExperimentResults results, List<String> strategies, String requestedBaseline) {
        if (strategies.size() < 2) {
            return null;
        }
        Map<String, Map<String, Double>> blocks = new TreeMap<>();
        for (RunResult r : results.runs()) {
            if (r.status() == RunStatus.FAILED || Double.isNaN(r.testAccuracy())) {
                continue;
            }
            Map<String, Object> c = new TreeMap<>(r.spec().coordinates());
            c.remove("strategy");
            blocks.computeIfAbsent(c + "/seed " + r.spec().seed(), k -> new LinkedHashMap<>())
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
        String baseline = requestedBaseline != null && strategies.contains(requestedBaseline) ? requestedBaseline
                : strategies.get(0);
        int bi = strategies.indexOf(baseline);
        List<Integer> others = new ArrayList<>();
        double[] raw = new double[strategies.size() - 1];
        List<RankingStats.Wilcoxon> tests = new ArrayList<>();
        for (int j = 0; j < strategies.size(); j++) {
            if (j == bi) {
                continue;
            }
            double[] x = new double[acc.length], y = new double[acc.length];
            for (int i = 0; i < acc.length; i++) {
                x[i] = acc[i][j];
                y[i] = acc[i][bi];
            }
            RankingStats.Wilcoxon w = RankingStats.wilcoxon(x, y);
            raw[others.size()] = w.p();
            others.add(j);
            tests.add(w);
        }
        double[] holm = RankingStats.holm(raw);
        List<Pair> pairs = new ArrayList<>();
        for (int t = 0; t < others.size(); t++) {
            pairs.add(new Pair(strategies.get(others.get(t)), baseline, acc.length, tests.get(t).pairs(), raw[t], holm[t]));
        }
        return new Ranking(List.copyOf(strategies), RankingStats.averageRanks(acc), RankingStats.friedman(acc),
                RankingStats.criticalDifference(strategies.size(), acc.length, 0.05), baseline, pairs,
                identical(strategies, acc));
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
