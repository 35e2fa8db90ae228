package org.lrsearch.strategies;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.lrsearch.api.BoundedStrategy;
import org.lrsearch.api.LrStrategy;
import org.lrsearch.api.Snapshot;
import org.lrsearch.api.StepContext;

/**
 * The range test's two phases. Range phase, iteration i: η_i = startLr·(endLr/startLr)^(i/(steps−1));
 * the smoothed, debiased loss s_i; commit η_i; stop when s_i exceeds divergeFactor times the least s
 * or at the last rate. Then suggest a rate from the recorded points, return θ to where the range
 * started, and hand the suggestion to the successor, which takes every later iteration. The run's
 * divergence guard is suspended during the range phase, which raises the loss on purpose.
 */
final class LrRangeTest implements LrStrategy {
    private final LrRangeTestPlugin.Options o;
    private final BoundedStrategy then;
    private final List<Double> rates = new ArrayList<>();
    private final List<Double> smoothed = new ArrayList<>();
    private double average;
    private double best = Double.POSITIVE_INFINITY;
    private Snapshot start;
    private double suggestion = Double.NaN;

    LrRangeTest(LrRangeTestPlugin.Options o, BoundedStrategy then) {
        this.o = o;
        this.then = then;
    }

    @Override
    public void step(StepContext context) {
        if (!Double.isNaN(suggestion)) {
            then.step(context);
            return;
        }
        int i = rates.size();
        if (i == 0) {
            context.exploring(true);
            if (o.restore()) {
                start = context.parameterSnapshot();
            }
        }
        context.trace().phase("rangeTest");
        double eta = o.startLr() * Math.pow(o.endLr() / o.startLr(), (double) i / (o.steps() - 1));
        average = o.smoothing() * average + (1 - o.smoothing()) * context.loss();
        double s = average / (1 - Math.pow(o.smoothing(), i + 1));
        best = Math.min(best, s);
        rates.add(eta);
        smoothed.add(s);
        context.trace().scalar("smoothedLoss", s);
        context.commit(eta);
        if (s > o.divergeFactor() * best || i == o.steps() - 1) {
            int index = suggestIndex();
            suggestion = o.suggest().equals("minimum") ? rates.get(index) / 10 : rates.get(index);
            if (o.restore()) {
                context.restore(start);
            }
            context.exploring(false);
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("suggest", o.suggest());
            e.put("suggestionIndex", index);
            e.put("suggestion", suggestion);
            e.put("points", rates.size());
            e.put("restored", o.restore());
            context.trace().event("rangeTestDone", e);
            then.acceptBound(suggestion);
        }
    }

    /** The index among the tried rates of the suggested one (before minimum's division by 10). */
    int suggestIndex() {
        int m = rates.size();
        int from = o.skipStart(), to = m - o.skipEnd();
        if (to - from < 2) {
            from = 0;
            to = m;
        }
        List<Double> s = smoothed.subList(from, to);
        List<Double> eta = rates.subList(from, to);
        return from + switch (o.suggest()) {
            case "valley" -> valley(s);
            case "steep" -> steepest(s, eta);
            default -> argmin(s);
        };
    }

    /** fastai's valley rule, quirks included (docs/STRATEGIES.md). */
    static int valley(List<Double> s) {
        int n = s.size();
        int[] l = new int[n];
        java.util.Arrays.fill(l, 1);
        int end = 0, start = 0;
        for (int j = 1; j < n; j++) {
            for (int i = 0; i < j; i++) {
                if (s.get(j) < s.get(i) && l[j] < l[i] + 1) {
                    l[j] = l[i] + 1;
                }
                if (l[end] < l[j]) {
                    end = j;
                    start = end - l[end];
                }
            }
        }
        double third = (end - start) / 3.0;
        return Math.max(0, start + (int) Math.floor(third) + (int) Math.floor(third / 2));
    }

    /** The first j minimising (s_{j+1} − s_j)/(ln η_{j+1} − ln η_j). */
    static int steepest(List<Double> s, List<Double> eta) {
        int best = 0;
        double min = Double.POSITIVE_INFINITY;
        for (int j = 0; j + 1 < s.size(); j++) {
            double slope = (s.get(j + 1) - s.get(j)) / (Math.log(eta.get(j + 1)) - Math.log(eta.get(j)));
            if (slope < min) {
                min = slope;
                best = j;
            }
        }
        return best;
    }

    static int argmin(List<Double> s) {
        int best = 0;
        for (int j = 1; j < s.size(); j++) {
            if (s.get(j) < s.get(best)) {
                best = j;
            }
        }
        return best;
    }

    @Override
    public OptionalDouble bound() {
        return Double.isNaN(suggestion) ? OptionalDouble.empty() : OptionalDouble.of(suggestion);
    }
}
