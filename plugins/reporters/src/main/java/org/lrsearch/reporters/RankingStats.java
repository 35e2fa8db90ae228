package org.lrsearch.reporters;

import java.util.Arrays;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.special.Beta;
import org.apache.commons.math3.special.Gamma;

/**
 * Comparing several strategies over several blocks (Demšar, "Statistical Comparisons of Classifiers
 * over Multiple Data Sets", JMLR 2006): average ranks, the Friedman test with SciPy's tie correction,
 * the Iman–Davenport F computed from it, the Bonferroni–Dunn critical difference against one
 * baseline, and Holm's adjustment (the Wilcoxon test is {@link SignedRank}).
 * Checked against SciPy's values (statistics-examples.json).
 */
final class RankingStats {
    private RankingStats() {
    }

    /**
     * Ranks within each block, 1 = highest accuracy, ties the average of the ranks they span, averaged
     * over blocks.
     *
     * @param acc blocks × strategies
     */
    static double[] averageRanks(double[][] acc) {
        int k = acc[0].length;
        double[] sum = new double[k];
        for (double[] row : acc) {
            double[] r = ranks(row, true);
            for (int j = 0; j < k; j++) {
                sum[j] += r[j];
            }
        }
        for (int j = 0; j < k; j++) {
            sum[j] /= acc.length;
        }
        return sum;
    }

    /** Ranks of {@code v} (1-based), ties averaged; {@code descending}: the largest value gets rank 1. */
    static double[] ranks(double[] v, boolean descending) {
        int n = v.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> descending ? Double.compare(v[b], v[a]) : Double.compare(v[a], v[b]));
        double[] r = new double[n];
        for (int i = 0; i < n; ) {
            int j = i;
            while (j + 1 < n && v[order[j + 1]] == v[order[i]]) {
                j++;
            }
            double rank = (i + j) / 2.0 + 1;
            for (int t = i; t <= j; t++) {
                r[order[t]] = rank;
            }
            i = j + 1;
        }
        return r;
    }

    /**
     * The Friedman test as SciPy's {@code friedmanchisquare}: ties within a block corrected.
     *
     * @param statistic       the tie-corrected chi-square
     * @param p               its p-value, chi-square with k − 1 degrees of freedom
     * @param imanDavenportF  (n−1)·χ² / (n(k−1) − χ²), from the corrected statistic
     * @param imanDavenportP  its p-value, F with (k−1, (k−1)(n−1)) degrees of freedom
     * @param blocks          n
     * @param strategies      k
     */
    record Friedman(double statistic, double p, double imanDavenportF, double imanDavenportP, int blocks, int strategies) {
    }

    static Friedman friedman(double[][] acc) {
        int n = acc.length, k = acc[0].length;
        double[] rankSums = new double[k];
        double ties = 0;
        for (double[] row : acc) {
            double[] r = ranks(row, false);
            for (int j = 0; j < k; j++) {
                rankSums[j] += r[j];
            }
            ties += tieSum(row);
        }
        double ssq = 0;
        for (double s : rankSums) {
            ssq += s * s;
        }
        double c = 1 - ties / (k * (k * k - 1.0) * n);
        if (c == 0) {
            // Every block ties every strategy: nothing to rank, so neither test has a statistic.
            return new Friedman(Double.NaN, Double.NaN, Double.NaN, Double.NaN, n, k);
        }
        double chi = (12.0 / (n * k * (k + 1.0)) * ssq - 3.0 * n * (k + 1)) / c;
        // Upper tails from the regularised gamma and beta functions directly: 1 − cdf would round a
        // p-value below 1e-16 to 0.
        double p = chi <= 0 ? 1 : Gamma.regularizedGammaQ((k - 1) / 2.0, chi / 2);
        double df1 = k - 1, df2 = (k - 1.0) * (n - 1);
        double f = (n - 1) * chi / (n * (k - 1.0) - chi);
        double fp = !(f > 0) ? 1 : Double.isInfinite(f) ? 0 : Beta.regularizedBeta(df2 / (df2 + df1 * f), df2 / 2, df1 / 2);
        return new Friedman(chi, p, f, fp, n, k);
    }

    /** Σ (t³ − t) over the groups of t equal values: the tie correction of rank tests. */
    static double tieSum(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double sum = 0;
        for (int i = 0; i < sorted.length; ) {
            int j = i;
            while (j + 1 < sorted.length && sorted[j + 1] == sorted[i]) {
                j++;
            }
            int t = j - i + 1;
            sum += (double) t * t * t - t;
            i = j + 1;
        }
        return sum;
    }

    /** The Bonferroni–Dunn critical difference of average ranks against one baseline (Demšar §3.2.2). */
    static double criticalDifference(int strategies, int blocks, double alpha) {
        int k = strategies;
        double q = new NormalDistribution().inverseCumulativeProbability(1 - alpha / (2.0 * (k - 1)));
        return q * Math.sqrt(k * (k + 1) / (6.0 * blocks));
    }

    /** Holm's step-down adjustment of p-values, in their given order (NaN stays NaN and is left out). */
    static double[] holm(double[] p) {
        int m = 0;
        for (double v : p) {
            if (!Double.isNaN(v)) {
                m++;
            }
        }
        Integer[] order = new Integer[p.length];
        for (int i = 0; i < p.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(Double.isNaN(p[a]) ? 2 : p[a], Double.isNaN(p[b]) ? 2 : p[b]));
        double[] adj = new double[p.length];
        Arrays.fill(adj, Double.NaN);
        double running = 0;
        for (int j = 0; j < m; j++) {
            int i = order[j];
            running = Math.max(running, Math.min(1, (m - j) * p[i]));
            adj[i] = running;
        }
        return adj;
    }
}
