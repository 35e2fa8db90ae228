package org.lrsearch.reporters;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lrsearch.api.ExperimentResults;

/**
 * Every paired comparison a report judges, each tested once and Holm-adjusted over the whole family,
 * so that a pair has one p-value and one verdict wherever it is shown (the Statistics and Ranking
 * sections, summary.json). The family is the union of the searcher comparisons (every strategy whose
 * runs fixed a bound δ against every other, searchers against each other once) and the ranking's
 * comparisons (every strategy against {@code report.baseline}, or every pair when it is {@value #ALL}).
 */
final class Comparisons {
    /** {@code report.baseline: all} compares every pair of strategies. */
    static final String ALL = "all";

    private final Map<Set<String>, PairedStats> byPair = new LinkedHashMap<>();
    private final List<List<String>> searcherPairs = new ArrayList<>();
    private final List<List<String>> rankingPairs = new ArrayList<>();
    private final String baseline;

    private Comparisons(String baseline) {
        this.baseline = baseline;
    }

    /**
     * @param requestedBaseline {@code report.baseline}: a strategy label, {@value #ALL}, or null for the
     *                          first strategy
     */
    static Comparisons of(ExperimentResults results, List<String> strategies, String requestedBaseline) {
        String baseline = baseline(requestedBaseline, strategies);
        Comparisons c = new Comparisons(baseline);
        List<String> searchers = strategies.stream().filter(s -> results.runs().stream()
                .anyMatch(r -> r.spec().strategy().equals(s) && !Double.isNaN(r.result("delta")))).toList();
        for (String m : searchers) {
            for (String b : strategies) {
                // A searcher against a later searcher (H1 vs H2): the comparison the paper's two proposal sets invite.
                if (!searchers.contains(b) || searchers.indexOf(b) > searchers.indexOf(m)) {
                    c.add(results, m, b, c.searcherPairs);
                }
            }
        }
        for (int i = 0; i < strategies.size(); i++) {
            for (int j = i + 1; j < strategies.size(); j++) {
                String a = strategies.get(i), b = strategies.get(j);
                if (ALL.equals(baseline)) {
                    c.add(results, b, a, c.rankingPairs);
                } else if (a.equals(baseline) || b.equals(baseline)) {
                    c.add(results, a.equals(baseline) ? b : a, baseline, c.rankingPairs);
                }
            }
        }
        List<Set<String>> keys = new ArrayList<>(c.byPair.keySet());
        double[] raw = keys.stream().mapToDouble(k -> c.byPair.get(k).wilcoxonP()).toArray();
        double[] holm = RankingStats.holm(raw);
        int size = (int) java.util.Arrays.stream(raw).filter(p -> !Double.isNaN(p)).count();
        for (int i = 0; i < keys.size(); i++) {
            c.byPair.put(keys.get(i), c.byPair.get(keys.get(i)).adjusted(holm[i], size));
        }
        return c;
    }

    /** {@code report.baseline} resolved: {@value #ALL}, a strategy label, or (absent or unknown) the first strategy. */
    static String baseline(String requested, List<String> strategies) {
        return ALL.equals(requested) ? ALL : requested != null && strategies.contains(requested) ? requested
                : strategies.isEmpty() ? null : strategies.get(0);
    }

    private void add(ExperimentResults results, String method, String base, List<List<String>> section) {
        if (method.equals(base)) {
            return;
        }
        Set<String> key = Set.of(method, base);
        if (!byPair.containsKey(key)) {
            PairedStats p = PairedStats.compare(results, method, base);
            if (p == null) {
                return;
            }
            byPair.put(key, p);
        }
        section.add(List.of(method, base));
    }

    /** The comparison of method against base, read in that direction; null when the report does not make it. */
    PairedStats get(String method, String base) {
        PairedStats p = byPair.get(Set.of(method, base));
        return p == null ? null : p.method().equals(method) ? p : p.reversed();
    }

    /** The Statistics section's comparisons: searchers against every other strategy. */
    List<PairedStats> searchers() {
        return searcherPairs.stream().map(k -> get(k.get(0), k.get(1))).toList();
    }

    /** The Ranking section's comparisons: each strategy against the baseline, or every pair. */
    List<PairedStats> ranking() {
        return rankingPairs.stream().map(k -> get(k.get(0), k.get(1))).toList();
    }

    /** The ranking's baseline label, or {@value #ALL}. */
    String baseline() {
        return baseline;
    }

    /** How many comparisons the Holm adjustment spans. */
    int size() {
        return byPair.isEmpty() ? 0 : byPair.values().iterator().next().family();
    }
}
