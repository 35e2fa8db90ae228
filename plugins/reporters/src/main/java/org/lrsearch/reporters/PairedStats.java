package org.lrsearch.reporters;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.apache.commons.math3.stat.inference.TTest;
import org.apache.commons.math3.stat.inference.WilcoxonSignedRankTest;
import org.lrsearch.api.ExperimentResults;
import org.lrsearch.api.RunResult;
import org.lrsearch.api.RunStatus;

/**
 * A method against a baseline, paired over matching cells and seeds (same batch size, hidden
 * size, shots, selection, iterations and seed): mean difference with its 95% confidence interval,
 * the Wilcoxon signed-rank and paired t-test p-values, and what they say in words.
 *
 * @param method     the method's strategy label
 * @param baseline   the baseline's strategy label
 * @param pairs      number of matched pairs
 * @param meanDiff   mean of method − baseline test accuracy
 * @param ciLow      95% CI of the mean difference, lower end
 * @param ciHigh     upper end
 * @param wilcoxonP  two-sided Wilcoxon signed-rank p-value (NaN when every difference is 0)
 * @param tTestP     two-sided paired t-test p-value (NaN when every difference is equal)
 * @param verdict    the conclusion in words
 */
public record PairedStats(String method, String baseline, int pairs, double meanDiff, double ciLow, double ciHigh,
                          double wilcoxonP, double tTestP, String verdict) {

    static final int EXACT_WILCOXON_MAX_PAIRS = 20;

    /** Every searcher (a strategy whose runs fixed a bound δ) against every other strategy, searchers against each other once. */
    public static List<PairedStats> all(ExperimentResults results, List<String> strategies) {
        List<String> methods = new ArrayList<>();
        for (String s : strategies) {
            if (results.runs().stream().anyMatch(r -> r.spec().strategy().equals(s) && !Double.isNaN(r.result("delta")))) {
                methods.add(s);
            }
        }
        List<PairedStats> out = new ArrayList<>();
        for (String m : methods) {
            for (String b : strategies) {
                // A searcher against a later searcher (H1 vs H2): the comparison the paper's two proposal sets invite.
                if (!methods.contains(b) || methods.indexOf(b) > methods.indexOf(m)) {
                    PairedStats p = compare(results, m, b);
                    if (p != null) {
                        out.add(p);
                    }
                }
            }
        }
        return out;
    }

    /** The paired comparison, or null when no cell has both. */
    public static PairedStats compare(ExperimentResults results, String method, String baseline) {
        Map<String, Double> base = new HashMap<>();
        for (RunResult r : results.runs()) {
            if (r.spec().strategy().equals(baseline) && r.status() != RunStatus.FAILED
                    && base.put(pairKey(r), r.testAccuracy()) != null) {
                throw new IllegalArgumentException("two runs of '" + baseline + "' share the pairing key " + pairKey(r)
                        + ": they differ in something no swept key records, so pairing them would pool configurations");
            }
        }
        List<Double> a = new ArrayList<>(), b = new ArrayList<>();
        for (RunResult r : results.runs()) {
            Double other = base.get(pairKey(r));
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
        boolean allZero = true;
        for (int i = 0; i < n; i++) {
            d.addValue(x[i] - y[i]);
            allZero &= x[i] == y[i];
        }
        double mean = d.getMean();
        double lo = Double.NaN, hi = Double.NaN, tp = Double.NaN, wp = Double.NaN;
        if (n >= 2 && d.getStandardDeviation() > 0) {
            double half = new TDistribution(n - 1).inverseCumulativeProbability(0.975) * d.getStandardDeviation() / Math.sqrt(n);
            lo = mean - half;
            hi = mean + half;
            tp = new TTest().pairedTTest(x, y);
        } else if (n >= 2) {
            lo = mean;
            hi = mean;
        }
        if (!allZero && n >= 2) {
            // The exact p-value enumerates all 2^n sign patterns: instant at 20 pairs, minutes at 30.
            // Beyond 20 pairs the normal approximation is accurate to about 1e-3.
            wp = new WilcoxonSignedRankTest().wilcoxonSignedRankTest(x, y, n <= EXACT_WILCOXON_MAX_PAIRS);
        }
        return new PairedStats(method, baseline, n, mean, lo, hi, wp, tp, verdict(method, baseline, n, mean, wp, tp, allZero));
    }

    /** Everything that makes two runs a pair: every coordinate but the strategy, the fixed settings, and the seed. */
    private static String pairKey(RunResult r) {
        var s = r.spec();
        Map<String, Object> coordinates = new java.util.TreeMap<>(s.coordinates());
        coordinates.remove("strategy");
        return s.dataset() + "/" + s.model() + "/" + s.batchSize() + "/" + s.shots() + "/" + s.selection() + "/"
                + s.iterations() + "/" + coordinates + "/seed " + s.seed();
    }

    static String verdict(String m, String b, int n, double mean, double wp, double tp, boolean allZero) {
        if (allZero) {
            return m + " and " + b + " reach exactly the same accuracy in all " + n + " pairs.";
        }
        if (n < 2) {
            return "One pair only: too few for a test.";
        }
        String dir = mean > 0 ? "higher" : "lower";
        if (Double.isNaN(wp) && Double.isNaN(tp)) {
            return String.format(Locale.ROOT, "Not computable: neither test has a p-value over these %d pairs "
                    + "(mean difference %s); no conclusion can be drawn.", n, NumberText.signed(mean, 4));
        }
        if (Double.isNaN(tp) || Double.isNaN(wp)) {
            // The paired t-test has no p-value when every difference is the same (no spread); say so rather
            // than count the missing test as "not significant".
            boolean sig = Double.isNaN(tp) ? wp < 0.05 : tp < 0.05;
            String which = Double.isNaN(tp) ? "Wilcoxon" : "paired t-test";
            String missing = Double.isNaN(tp) ? "the paired t-test is not computable (every difference is the same, "
                    + "so there is no spread)" : "the Wilcoxon test is not computable";
            return String.format(Locale.ROOT, "%s (%s alone; %s): %s is %s than %s by %s on average.",
                    sig ? "Significant at the 5% level" : "No significant difference at the 5% level", which, missing,
                    m, dir, b, NumberText.signed(mean, 4));
        }
        boolean w = wp < 0.05, t = tp < 0.05;
        if (!w && !t) {
            return String.format(Locale.ROOT, "No significant difference at the 5%% level between %s and %s "
                    + "(mean difference %s over %d pairs).", m, b, NumberText.signed(mean, 4), n);
        }
        if (w && t) {
            return String.format(Locale.ROOT, "%s is significantly %s than %s at the 5%% level (both tests), "
                    + "by %s on average.", m, dir, b, NumberText.signed(mean, 4));
        }
        return String.format(Locale.ROOT, "The tests disagree at the 5%% level (%s p < 0.05 only): %s is %s than %s by "
                + "%s on average; treat the difference as weak evidence.", w ? "Wilcoxon" : "t-test", m, dir, b,
                NumberText.signed(mean, 4));
    }
}
