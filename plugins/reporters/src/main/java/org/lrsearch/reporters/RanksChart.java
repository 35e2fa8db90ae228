package org.lrsearch.reporters;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** The Ranking section's chart of average ranks. */
final class RanksChart {
    private RanksChart() {
    }

    /**
     * The average-ranks chart (Demšar 2006): each strategy's average rank on one axis (1 = best, at the
     * left), one row per strategy from best to worst. The strategies the report's one verdict finds
     * significantly different from the baseline are marked; the Bonferroni–Dunn critical difference
     * around the baseline's rank is shaded for scale only, since the verdict is the Holm-adjusted
     * Wilcoxon test's. With no baseline (every pair compared) there is no band.
     */
    static String render(String id, List<String> strategies, double[] ranks, String baseline, double cd,
                                     List<String> significant, int width) {
        Integer[] order = java.util.stream.IntStream.range(0, strategies.size()).boxed()
                .sorted((a, b) -> Double.compare(ranks[a], ranks[b])).toArray(Integer[]::new);
        String[] names = new String[order.length];
        XYSeries plain = new XYSeries(baseline == null ? "average rank" : "no significant difference from " + baseline, false, true);
        XYSeries marked = new XYSeries("significantly different (Holm-adjusted Wilcoxon)", false, true);
        for (int row = 0; row < order.length; row++) {
            int i = order[row];
            // Row 0 at the top: y counts down.
            names[order.length - 1 - row] = strategies.get(i);
            (significant.contains(strategies.get(i)) ? marked : plain).add(ranks[i], order.length - 1 - row);
        }
        XYSeriesCollection data = new XYSeriesCollection(plain);
        if (!significant.isEmpty()) {
            data.addSeries(marked);
        }
        org.jfree.chart.renderer.xy.XYLineAndShapeRenderer renderer =
                new org.jfree.chart.renderer.xy.XYLineAndShapeRenderer(false, true);
        renderer.setSeriesPaint(0, Charts.PALETTE[0]);
        renderer.setSeriesPaint(1, Charts.PALETTE[3]);
        renderer.setSeriesShape(0, Charts.SHAPES[0]);
        renderer.setSeriesShape(1, Charts.SHAPES[3]);
        NumberAxis x = Charts.axis("average rank (1 = best)");
        x.setRange(0.5, strategies.size() + 0.5);
        x.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(1));
        org.jfree.chart.axis.SymbolAxis y = new org.jfree.chart.axis.SymbolAxis(null, names);
        y.setTickLabelFont(Charts.TICK);
        y.setGridBandsVisible(false);
        XYPlot plot = new XYPlot(data, x, y, renderer);
        if (baseline != null) {
            org.jfree.chart.plot.IntervalMarker band = new org.jfree.chart.plot.IntervalMarker(
                    ranks[strategies.indexOf(baseline)] - cd, ranks[strategies.indexOf(baseline)] + cd,
                    new Color(0x0072B2), new BasicStroke(0f), null, null, 0.12f);
            band.setLabel("Bonferroni–Dunn CD = " + NumberText.fixed(cd, 2) + " around " + baseline + " (scale)");
            band.setLabelFont(Charts.TICK);
            band.setLabelPaint(new Color(0x333333));
            band.setLabelAnchor(RectangleAnchor.TOP);
            band.setLabelTextAnchor(TextAnchor.TOP_CENTER);
            plot.addDomainMarker(band, org.jfree.chart.ui.Layer.BACKGROUND);
        }
        return Charts.svg(id, Charts.chart("Average ranks", plot), width, 90 + 24 * strategies.size());
    }
}
