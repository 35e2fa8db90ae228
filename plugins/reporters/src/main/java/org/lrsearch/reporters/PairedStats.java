package org.lrsearch.reporters;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.apache.commons.math3.stat.inference.TTest;
import org.lrsearch.api.ExperimentResults;
import org.lrsearch.api.RunResult;
import org.lrsearch.api.RunStatus;

/**
 * A method against a baseline, paired over matching cells and seeds (the same value of every
 * coordinate but the strategy, and the same seed): mean difference with its 95% confidence
 * interval, the Wilcoxon signed-rank p-value ({@link SignedRank}), its Holm adjustment over every
 * comparison the report judges ({@link Comparisons}), and the paired t-test p-value for reference.
 * The verdict is the Holm-adjusted Wilcoxon test's, the one judgement of the pair wherever it is shown.
 *
 * @param method     the method's strategy label
 * @param baseline   the baseline's strategy label
 * @param pairs      number of matched pairs
 * @param nonZero    pairs whose difference is not zero (the Wilcoxon test's n)
 * @param meanDiff   mean of method − baseline test accuracy
 * @param ciLow      95% CI of the mean difference, lower end
 * @param ciHigh     upper end
 * @param wilcoxonP  two-sided Wilcoxon signed-rank p-value (NaN when every difference is 0)
 * @param holmP      wilcoxonP Holm-adjusted over the report's {@code family} comparisons
 * @param family     how many comparisons the Holm adjustment spans
 * @param tTestP     two-sided paired t-test p-value (NaN when every difference is equal), not judged
 */
public record PairedStats(String method, String baseline, int pairs, int nonZero, double meanDiff, double ciLow,
                          double ciHigh, double wilcoxonP, double holmP, int family, double tTestP) {

    /** The level every verdict is judged at. */
    static final double ALPHA = 0.05;

    /** The paired comparison before adjustment (holmP = wilcoxonP, family 1), or null when no cell has both. */
    public static PairedStats compare(ExperimentResults results, String method, String baseline) {
        Settings.Shared shared = new Settings.Shared();
        Map<PairKey, Double> base = new HashMap<>();
        for (RunResult r : results.runs()) {
            if (r.spec().strategy().equals(baseline) && r.status() != RunStatus.FAILED
                    && base.put(PairKey.of(r, shared), r.testAccuracy()) != null) {
                throw new IllegalArgumentException("two runs of '" + baseline + "' share the pairing key " + PairKey.of(r, shared)
                        + ": they differ in something no swept key records, so pairing them would pool configurations");
            }
        }
        List<Double> a = new ArrayList<>(), b = new ArrayList<>();
        for (RunResult r : results.runs()) {
            Double other = r.spec().strategy().equals(method) ? base.get(PairKey.of(r, shared)) : null;
            if (r.spec().strategy().equals(method) && r.status() != RunStatus.FAILED && other != null) {
                a.add(r.testAccuracy());
                b.add(other);
            }
        }
        int n = a.size();
        if (n == 0) {
            return null;
        }
        double[] x = a.stream().mapToDouble(Double::doubleValue).toArray();
        double[] y = b.stream().mapToDouble(Double::doubleValue).toArray();
        SummaryStatistics d = new SummaryStatistics();
        for (int i = 0; i < n; i++) {
            d.addValue(x[i] - y[i]);
        }
        double mean = d.getMean();
        double lo = Double.NaN, hi = Double.NaN, tp = Double.NaN;
        if (n >= 2 && d.getStandardDeviation() > 0) {
            double half = new TDistribution(n - 1).inverseCumulativeProbability(0.975) * d.getStandardDeviation() / Math.sqrt(n);
            lo = mean - half;
            hi = mean + half;
            tp = new TTest().pairedTTest(x, y);
        } else if (n >= 2) {
            lo = mean;
            hi = mean;
        }
        SignedRank w = SignedRank.test(x, y);
        return new PairedStats(method, baseline, n, w.pairs(), mean, lo, hi, w.p(), w.p(), 1, tp);
    }

    /** This comparison with its p-value adjusted within a family of {@code size} tests. */
    PairedStats adjusted(double holm, int size) {
        return new PairedStats(method, baseline, pairs, nonZero, meanDiff, ciLow, ciHigh, wilcoxonP, holm, size, tTestP);
    }

    /** The same comparison read the other way round: baseline − method. */
    PairedStats reversed() {
        return new PairedStats(baseline, method, pairs, nonZero, -meanDiff, -ciHigh, -ciLow, wilcoxonP, holmP, family, tTestP);
    }

    /** Whether the Holm-adjusted Wilcoxon test finds a difference at the 5% level. */
    boolean significant() {
        return holmP < ALPHA;
    }

    /** Everything that makes two runs a pair: every coordinate but the strategy, the fixed settings, and the seed. */
    private record PairKey(String dataset, String model, int batchSize, int shots, String selection, int iterations,
                           Map<String, Object> setting, long seed) {
        static PairKey of(RunResult r, Settings.Shared shared) {
            var s = r.spec();
            return new PairKey(s.dataset(), s.model(), s.batchSize(), s.shots(), s.selection(), s.iterations(),
                    shared.setting(s), s.seed());
        }

        @Override
        public String toString() {
            return dataset + "/" + model + "/" + batchSize + "/" + shots + "/" + selection + "/" + iterations + "/" + setting
                    + "/seed " + seed;
        }
    }

    /** The conclusion in words: one verdict, from the Holm-adjusted Wilcoxon test, with the correction named. */
    public String verdict() {
        String m = method, b = baseline;
        if (nonZero == 0) {
            return m + " and " + b + " reach exactly the same accuracy in all " + pairs + " pairs.";
        }
        String diff = NumberText.signed(meanDiff, 4);
        String correction = family == 1 ? "Wilcoxon signed-rank, the only comparison"
                : "Wilcoxon signed-rank, Holm-adjusted over the " + family + " comparisons of this report";
        double floor = SignedRank.smallestP(nonZero);
        if (nonZero <= SignedRank.EXACT_MAX_PAIRS && floor >= ALPHA) {
            return String.format(Locale.ROOT, "Cannot be judged: with %d non-zero %s the smallest p-value the exact "
                    + "test can give is %s, so no difference can reach the 5%% level; more seeds are needed "
                    + "(mean difference %s).", nonZero, nonZero == 1 ? "difference" : "differences",
                    NumberText.fixed(floor, 4), diff);
        }
        if (!significant()) {
            return String.format(Locale.ROOT, "No significant difference at the 5%% level between %s and %s "
                    + "(%s: p %s; mean difference %s over %d pairs).", m, b, correction, ReportModel.pText(holmP), diff, pairs);
        }
        return String.format(Locale.ROOT, "%s is significantly %s than %s at the 5%% level (%s: p %s), by %s on average.",
                m, meanDiff > 0 ? "higher" : "lower", b, correction, ReportModel.pText(holmP), diff);
    }
}
