package org.lrsearch.reporters;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.lrsearch.api.CurvePoint;
import org.lrsearch.api.RunResult;
import org.lrsearch.api.RunSpec;

/** The report's Figure 2: test accuracy during training, a panel per setting on one y range, one legend. */
final class Figure2Section {
    private Figure2Section() {
    }

    /**
     * The panels: one per strategy, hidden size, combination of other swept keys and batch size; in
     * each a curve per number of shots, mean ± std over seeds.
     */
    static List<Map<String, Object>> panels(ResultCells cells, HtmlOptions o) {
        List<Map<String, Object>> panels = new ArrayList<>();
        List<List<Charts.Curve>> curvesOf = new ArrayList<>();
        // One panel per batch size too: five curves a panel (one per shots) stay apart where fifteen blur.
        for (String strategy : cells.strategies()) {
            for (int hidden : cells.hiddens()) {
                for (String others : cells.others()) {
                    for (int batch : cells.batchSizes()) {
                        List<Charts.Curve> curves = panelCurves(cells, strategy, hidden, others, batch);
                        if (curves.isEmpty()) {
                            continue;
                        }
                        Map<String, Object> p = new LinkedHashMap<>();
                        p.put("strategy", strategy);
                        p.put("hidden", String.valueOf(hidden));
                        p.put("title", "LR " + strategy + ReportModel.hiddenText(", hidden ", hidden) + ", batch " + batch
                                + (others.isEmpty() ? "" : ", " + others));
                        panels.add(p);
                        curvesOf.add(curves);
                    }
                }
            }
        }
        // One y range for every panel, so panels compare at a glance (a flat 0.10 line does not fill its panel).
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (List<Charts.Curve> curves : curvesOf) {
            for (Charts.Curve c : curves) {
                for (int k = 0; k < c.mean().length; k++) {
                    double sd = Double.isNaN(c.std()[k]) ? 0 : c.std()[k];
                    lo = Math.min(lo, c.mean()[k] - sd);
                    hi = Math.max(hi, c.mean()[k] + sd);
                }
            }
        }
        for (int i = 0; i < panels.size(); i++) {
            Map<String, Object> p = panels.get(i);
            p.put("svg", Charts.accuracy("fig2-" + i, (String) p.remove("title"), curvesOf.get(i), lo, hi, o.chartWidth(),
                    o.chartHeight()));
        }
        return panels;
    }

    private static List<Charts.Curve> panelCurves(ResultCells cells, String strategy, int hidden, String others, int batch) {
        List<Charts.Curve> curves = new ArrayList<>();
        for (int ki = 0; ki < cells.shots().size(); ki++) {
            int k = cells.shots().get(ki);
            Charts.Curve c = curve("k=" + k, cells.runs(new ResultCells.Key(batch, strategy, hidden, k, others)), ki);
            if (c != null) {
                curves.add(c);
            }
        }
        return curves;
    }

    /** The colour of each number of shots in Figure 2, for the one legend above its panels. */
    static List<Map<String, Object>> legend(ResultCells cells) {
        List<Map<String, Object>> legend = new ArrayList<>();
        for (int ki = 0; ki < cells.shots().size(); ki++) {
            legend.add(Map.of("label", cells.shots().get(ki) + "-shot (k=" + cells.shots().get(ki) + ")",
                    "color", String.format("#%06X", Charts.PALETTE[ki % Charts.PALETTE.length].getRGB() & 0xFFFFFF)));
        }
        return legend;
    }

    /**
     * Mean and std over the runs' curves, point by point (runs of one cell share their evaluation
     * points); against epochs when the runs were measured per epoch, as the paper's figure is.
     */
    static Charts.Curve curve(String label, List<RunResult> runs, int color) {
        List<List<CurvePoint>> cs = runs.stream().map(RunResult::curve).filter(c -> !c.isEmpty()).toList();
        if (cs.isEmpty()) {
            return null;
        }
        boolean epochs = runs.stream().allMatch(r -> r.spec().evalEvery() == RunSpec.EVERY_EPOCH)
                && cs.stream().allMatch(c -> c.stream().noneMatch(p -> Double.isNaN(p.epoch())));
        // A seed that diverged stops early: the curve goes on while one seed remains, its band (± sd) only
        // where two or more do.
        int len = cs.stream().mapToInt(List::size).max().orElse(0);
        double[] x = new double[len], mean = new double[len], std = new double[len];
        for (int i = 0; i < len; i++) {
            SummaryStatistics s = new SummaryStatistics();
            CurvePoint p = null;
            for (List<CurvePoint> c : cs) {
                if (i < c.size()) {
                    s.addValue(c.get(i).testAccuracy());
                    p = p == null ? c.get(i) : p;
                }
            }
            x[i] = epochs ? p.epoch() : p.iteration();
            mean[i] = s.getMean();
            std[i] = s.getN() > 1 ? s.getStandardDeviation() : 0;
        }
        return new Charts.Curve(label, x, mean, std, color, epochs);
    }
}
