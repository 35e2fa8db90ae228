package org.lrsearch.reporters;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Dolan and Moré's performance profiles over problems (here: a study's settings), with AlgoPerf's
 * score integrated exactly. A strategy's ratio on a problem is its cost over the best cost any
 * strategy reached there (∞ where it missed); problems every strategy missed are dropped; ρ_s(τ) is
 * the share of kept problems with ratio ≤ τ; the score B_s = (1/(r_max − 1))·∫₁^{r_max} ρ_s(τ) dτ
 * equals the mean over kept problems of max(0, r_max − r)/(r_max − 1), which is how it is computed.
 */
final class PerformanceProfile {
    private final double rMax;
    private final List<Integer> kept = new ArrayList<>();
    private final List<Integer> dropped = new ArrayList<>();
    private final Map<String, double[]> ratios = new LinkedHashMap<>();

    /**
     * @param costs strategy → its cost on each problem, in one order for all (∞ for a missed target)
     * @param rMax  the largest ratio the profile and the score look at, > 1
     */
    PerformanceProfile(Map<String, double[]> costs, double rMax) {
        if (!(rMax > 1)) {
            throw new IllegalArgumentException("rMax must be > 1, got " + rMax);
        }
        this.rMax = rMax;
        int problems = costs.values().stream().mapToInt(c -> c.length).max().orElse(0);
        double[] best = new double[problems];
        Arrays.fill(best, Double.POSITIVE_INFINITY);
        costs.values().forEach(c -> {
            for (int w = 0; w < problems; w++) {
                best[w] = Math.min(best[w], c[w]);
            }
        });
        for (int w = 0; w < problems; w++) {
            (Double.isFinite(best[w]) ? kept : dropped).add(w);
        }
        costs.forEach((s, c) -> ratios.put(s, kept.stream().mapToDouble(w -> c[w] / best[w]).toArray()));
    }

    double rMax() {
        return rMax;
    }

    /** The problems (their indices) at least one strategy solved, and those none did. */
    List<Integer> kept() {
        return kept;
    }

    List<Integer> dropped() {
        return dropped;
    }

    /** The strategy's ratios on the kept problems, in their order. */
    double[] ratios(String strategy) {
        return ratios.get(strategy);
    }

    /** ρ_s(τ): the share of kept problems on which the strategy's ratio is at most τ. */
    double rho(String strategy, double tau) {
        double[] r = ratios.get(strategy);
        if (r.length == 0) {
            return Double.NaN;
        }
        return Arrays.stream(r).filter(x -> x <= tau).count() / (double) r.length;
    }

    /** B_s, exactly: the mean over kept problems of max(0, r_max − r)/(r_max − 1). */
    double score(String strategy) {
        double[] r = ratios.get(strategy);
        if (r.length == 0) {
            return Double.NaN;
        }
        double s = 0;
        for (double x : r) {
            s += Math.max(0, rMax - x) / (rMax - 1);
        }
        return s / r.length;
    }

    /** Where the step functions ρ_s change within [1, r_max]: 1, every ratio in between, and r_max. */
    double[] taus() {
        TreeSet<Double> t = new TreeSet<>(List.of(1.0, rMax));
        ratios.values().forEach(r -> Arrays.stream(r).filter(x -> x > 1 && x < rMax).forEach(t::add));
        return t.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * The median of a strategy's costs over seeds, ∞ counting as the largest value; an even count
     * averages the middle two, so it is ∞ when the upper middle one is.
     */
    static double median(double[] costs) {
        if (costs.length == 0) {
            return Double.NaN;
        }
        double[] c = costs.clone();
        Arrays.sort(c);
        int n = c.length;
        return n % 2 == 1 ? c[n / 2] : (c[n / 2 - 1] + c[n / 2]) / 2;
    }
}
