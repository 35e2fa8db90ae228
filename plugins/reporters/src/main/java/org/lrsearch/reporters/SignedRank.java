package org.lrsearch.reporters;

import java.util.Arrays;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The Wilcoxon signed-rank test of paired samples, the one implementation behind every Wilcoxon
 * p-value the reports print. Wilcoxon's rule: zero differences are dropped, the remaining
 * |differences| ranked with ties averaged, statistic min(W+, W−). The two-sided p-value is exact,
 * counted over all 2^n sign assignments of the ranks as they are (half-ranks included), up to
 * {@value #EXACT_MAX_PAIRS} non-zero pairs; above, it comes from the normal approximation with the
 * tie correction and no continuity correction. This is SciPy's {@code wilcoxon(d, zero_method="wilcox")}
 * (exact by permutation, else normal), checked against its values in statistics-examples.json.
 *
 * @param pairs     pairs left after dropping zero differences (0: identical, no test)
 * @param statistic min(W+, W−)
 * @param p         two-sided p-value, NaN when every difference is zero
 */
record SignedRank(int pairs, double statistic, double p) {

    /** Up to this many non-zero differences the p-value is exact; counting stays below a millisecond. */
    static final int EXACT_MAX_PAIRS = 50;

    /** The test of x − y. */
    static SignedRank test(double[] x, double[] y) {
        double[] d = new double[x.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = x[i] - y[i];
        }
        return ofDifferences(d);
    }

    /** The test of the given differences. */
    static SignedRank ofDifferences(double[] differences) {
        double[] d = Arrays.stream(differences).filter(v -> v != 0).toArray();
        int n = d.length;
        if (n == 0) {
            return new SignedRank(0, Double.NaN, Double.NaN);
        }
        double[] abs = Arrays.stream(d).map(Math::abs).toArray();
        double[] r = RankingStats.ranks(abs, false);
        double wPlus = 0, total = n * (n + 1) / 2.0;
        for (int i = 0; i < n; i++) {
            if (d[i] > 0) {
                wPlus += r[i];
            }
        }
        double stat = Math.min(wPlus, total - wPlus);
        if (n <= EXACT_MAX_PAIRS) {
            // Twice each rank is a whole number: count sign patterns by the sum of doubled ranks. By symmetry
            // of the null distribution, P(|W+ − mean| ≥ |observed − mean|) = 2 P(W+ ≤ min(W+, W−)).
            int max = (int) Math.round(2 * total);
            double[] count = new double[max + 1];
            count[0] = 1;
            for (double rank : r) {
                int w = (int) Math.round(2 * rank);
                for (int s = max; s >= w; s--) {
                    count[s] += count[s - w];
                }
            }
            double below = 0;
            int limit = (int) Math.round(2 * stat);
            for (int s = 0; s <= limit; s++) {
                below += count[s];
            }
            return new SignedRank(n, stat, Math.min(1, 2 * below / Math.pow(2, n)));
        }
        double var = n * (n + 1) * (2 * n + 1) / 24.0 - RankingStats.tieSum(abs) / 48.0;
        double z = (stat - total / 2) / Math.sqrt(var);
        return new SignedRank(n, stat, Math.min(1, 2 * new NormalDistribution().cumulativeProbability(z)));
    }

    /**
     * The smallest two-sided p-value the exact test can give with {@code nonZero} pairs, 2 / 2^n: with 5
     * pairs it is 0.0625, so no difference can be significant at the 5% level however large.
     */
    static double smallestP(int nonZero) {
        return nonZero == 0 ? Double.NaN : Math.min(1, 2 / Math.pow(2, nonZero));
    }
}
