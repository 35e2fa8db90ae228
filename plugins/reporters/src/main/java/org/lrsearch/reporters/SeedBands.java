package org.lrsearch.reporters;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.lrsearch.api.LrSegment;

/**
 * Per-iteration series of several seeds reduced to what a chart can show: the iterations are cut
 * into about as many buckets as the chart has pixels across (on a log or linear scale), and each
 * bucket gives the median and the range of every seed's values in it. A chart of 10,000 iterations
 * thus draws a few hundred points, and a rate that flips between δ/2 and δ every iteration shows as
 * the band it looks like, not as 10,000 vertical strokes.
 */
final class SeedBands {
    /** Bucket centres (1-based iterations), the median and the lowest and highest value in each. */
    record Band(double[] x, double[] median, double[] low, double[] high) {
    }

    private SeedBands() {
    }

    /**
     * @param iterations per seed, the 0-based iterations of its values
     * @param values     per seed, its values (non-finite ones are left out)
     * @param last       the last 0-based iteration of the runs
     * @param buckets    how many buckets at most
     * @param logX       whether buckets are equal on a log scale of the 1-based iteration
     */
    static Band of(List<int[]> iterations, List<double[]> values, int last, int buckets, boolean logX) {
        List<List<Double>> vals = new ArrayList<>();
        double[] itSum = new double[buckets];
        int[] itCount = new int[buckets];
        for (int b = 0; b < buckets; b++) {
            vals.add(new ArrayList<>());
        }
        for (int s = 0; s < iterations.size(); s++) {
            int[] its = iterations.get(s);
            double[] v = values.get(s);
            for (int i = 0; i < its.length; i++) {
                if (!Double.isFinite(v[i])) {
                    continue;
                }
                double it = its[i] + 1.0;
                int b = (int) Math.min(buckets - 1, Math.floor(buckets * (logX ? Math.log(it) / Math.log(last + 2.0)
                        : (it - 1) / (last + 1.0))));
                vals.get(b).add(v[i]);
                itSum[b] += it;
                itCount[b]++;
            }
        }
        List<double[]> rows = new ArrayList<>();
        for (int b = 0; b < buckets; b++) {
            if (vals.get(b).isEmpty()) {
                continue;
            }
            double[] sorted = vals.get(b).stream().mapToDouble(Double::doubleValue).sorted().toArray();
            int n = sorted.length;
            double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
            rows.add(new double[] {itSum[b] / itCount[b], median, sorted[0], sorted[n - 1]});
        }
        double[][] cols = new double[4][rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            for (int c = 0; c < 4; c++) {
                cols[c][i] = rows.get(i)[c];
            }
        }
        return new Band(cols[0], cols[1], cols[2], cols[3]);
    }

    /** A run's committed rate at every iteration 0..last (NaN where none was committed). */
    static double[] perIteration(List<LrSegment> segments, int last) {
        double[] lr = new double[last + 1];
        Arrays.fill(lr, Double.NaN);
        for (LrSegment s : segments) {
            for (int i = Math.max(0, s.from()); i <= Math.min(last, s.to()); i++) {
                lr[i] = s.lr();
            }
        }
        return lr;
    }

    static int[] range(int last) {
        int[] its = new int[last + 1];
        Arrays.setAll(its, i -> i);
        return its;
    }
}
