package org.lrsearch.reporters;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

/** Charts of the report, drawn by JFreeChart into inline SVG through JFreeSVG. */
final class Charts {
    /** A qualitative palette that stays distinguishable in print (Okabe-Ito). */
    static final Color[] PALETTE = {new Color(0x0072B2), new Color(0xE69F00), new Color(0x009E73), new Color(0xD55E00),
        new Color(0xCC79A7), new Color(0x56B4E9), new Color(0xF0E442), new Color(0x000000)};
    static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 13);

    static {
        // Charts are drawn off-screen; never try to reach a display.
        System.setProperty("java.awt.headless", "true");
    }

    private Charts() {
    }

    /** An accuracy curve: mean over seeds, ± std band, palette colour; x in epochs if {@code epochs}, else iterations. */
    record Curve(String label, double[] x, double[] mean, double[] std, int color, boolean epochs) {
    }

    /**
     * Test accuracy against epoch (when every curve is measured per epoch) or iteration, one line per
     * curve, the y axis spanning at least [yLow, yHigh].
     */
    static String accuracy(String id, String title, List<Curve> curves, double yLow, double yHigh, int width, int height) {
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        DeviationRenderer renderer = new DeviationRenderer(true, false);
        renderer.setAlpha(0.15f);
        for (int i = 0; i < curves.size(); i++) {
            Curve c = curves.get(i);
            YIntervalSeries s = new YIntervalSeries(c.label());
            // A per-epoch curve has up to 2,000 points; one every two pixels is all a chart can show,
            // and drawing every point made the main job's report 18 MB. The last point is always kept.
            int len = c.x().length;
            int stride = Math.max(1, (int) Math.ceil(len / (width / 2.0)));
            for (int k = 0; k < len; k += stride) {
                add(s, c, k);
            }
            if ((len - 1) % stride != 0) {
                add(s, c, len - 1);
            }
            data.addSeries(s);
            Color color = PALETTE[c.color() % PALETTE.length];
            renderer.setSeriesPaint(i, color);
            renderer.setSeriesFillPaint(i, color);
            renderer.setSeriesStroke(i, new BasicStroke(1.4f));
        }
        NumberAxis x = axis(curves.stream().allMatch(Curve::epochs) ? "epoch" : "iteration");
        NumberAxis y = axis("test accuracy");
        y.setAutoRangeIncludesZero(false);
        if (yHigh > yLow) {
            double pad = 0.03 * (yHigh - yLow);
            y.setRange(Math.max(0, yLow - pad), Math.min(1, yHigh + pad));
        }
        XYPlot plot = new XYPlot(data, x, y, renderer);
        JFreeChart chart = chart(title, plot);
        // The report shows one legend for all panels.
        chart.removeLegend();
        return svg(id, chart, width, height);
    }

    private static void add(YIntervalSeries s, Curve c, int k) {
        double sd = Double.isNaN(c.std()[k]) ? 0 : c.std()[k];
        s.add(c.x()[k], c.mean()[k], c.mean()[k] - sd, c.mean()[k] + sd);
    }

    /** Ticks every decade, or every few decades when the axis spans many: at most about eight labels. */
    private static org.jfree.chart.axis.NumberTickUnit decades(double span) {
        return new org.jfree.chart.axis.NumberTickUnit(Math.max(1, Math.ceil(span / 8)));
    }

    /** A median line with its range as a shaded band (the band left out when there is only one seed). */
    private static YIntervalSeriesCollection band(String name, SeedBands.Band band, boolean positiveOnly) {
        YIntervalSeries s = new YIntervalSeries(name, false, true);
        for (int i = 0; i < band.x().length; i++) {
            if (!positiveOnly || band.low()[i] > 0) {
                s.add(band.x()[i], band.median()[i], band.low()[i], band.high()[i]);
            }
        }
        YIntervalSeriesCollection c = new YIntervalSeriesCollection();
        c.addSeries(s);
        return c;
    }

    private static DeviationRenderer bandRenderer(Color color, boolean shaded) {
        DeviationRenderer r = new DeviationRenderer(true, false);
        r.setSeriesPaint(0, color);
        r.setSeriesFillPaint(0, color);
        r.setAlpha(shaded ? 0.2f : 0f);
        r.setSeriesStroke(0, new BasicStroke(1.4f));
        return r;
    }

    /**
     * A strategy's committed learning rate per iteration, log–log: the median over seeds with the
     * range shaded (per pixel-wide bucket of iterations, see {@link SeedBands}), and the first seed's
     * decisions (search rounds, a range test's end) marked.
     */
    static String lrTrace(String id, String title, SeedBands.Band lr, boolean shaded, List<double[]> marks,
                          List<String> markLabels, int width, int height) {
        LogAxis x = new LogAxis("iteration (log scale)");
        LogAxis y = new LogAxis("learning rate (log scale)");
        for (LogAxis a : new LogAxis[] {x, y}) {
            a.setLabelFont(LABEL);
            a.setTickLabelFont(TICK);
            a.setSmallestValue(1e-12);
            a.setBase(10);
            // Whole decades only: a trace that sits at one rate would otherwise get ticks 10^-2.00, 10^-2.00, ...
            a.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(1.0));
        }
        double lo = Double.POSITIVE_INFINITY, hi = 0, last = 1;
        for (int i = 0; i < lr.x().length; i++) {
            if (lr.low()[i] > 0) {
                lo = Math.min(lo, lr.low()[i]);
                hi = Math.max(hi, lr.high()[i]);
            }
            last = Math.max(last, lr.x()[i]);
        }
        if (hi > 0) {
            // Whole decades with room around the trace: at least two labelled ticks, so the axis has a scale.
            double from = Math.floor(Math.log10(lo) - 0.3), to = Math.ceil(Math.log10(hi) + 0.3);
            y.setRange(Math.pow(10, from), Math.pow(10, to));
            y.setTickUnit(decades(to - from));
        }
        x.setRange(0.8, last * 1.2);
        XYPlot plot = new XYPlot(band("learning rate", lr, true), x, y, bandRenderer(PALETTE[0], shaded));
        for (int i = 0; i < marks.size(); i++) {
            ValueMarker m = new ValueMarker(marks.get(i)[0], new Color(0xD55E00), new BasicStroke(0.8f,
                    BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {3f, 3f}, 0f));
            m.setLabel(markLabels.get(i));
            m.setLabelFont(TICK);
            m.setLabelAnchor(i % 2 == 0 ? RectangleAnchor.TOP_RIGHT : RectangleAnchor.BOTTOM_RIGHT);
            m.setLabelTextAnchor(i % 2 == 0 ? TextAnchor.TOP_LEFT : TextAnchor.BOTTOM_LEFT);
            plot.addDomainMarker(m);
        }
        JFreeChart chart = chart(title, plot);
        chart.removeLegend();
        return svg(id, chart, width, height);
    }

    /**
     * One named number a strategy recorded per iteration, median over seeds with the range shaded;
     * log y axis when it is positive and spans decades.
     */
    static String scalar(String id, String title, String name, SeedBands.Band values, boolean shaded, int width, int height) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < values.x().length; i++) {
            lo = Math.min(lo, values.low()[i]);
            hi = Math.max(hi, values.high()[i]);
        }
        org.jfree.chart.axis.ValueAxis y;
        if (lo > 0 && hi / lo > 100) {
            LogAxis log = new LogAxis(name + " (log scale)");
            log.setBase(10);
            log.setSmallestValue(1e-300);
            log.setTickUnit(decades(Math.log10(hi / lo)));
            log.setLabelFont(LABEL);
            log.setTickLabelFont(TICK);
            y = log;
        } else {
            NumberAxis lin = axis(name);
            lin.setAutoRangeIncludesZero(false);
            if (hi == lo) {
                // A constant (found = 1 throughout, say): a range around it, or the axis has no scale at all.
                double pad = Math.max(1, Math.abs(lo)) / 2;
                lin.setRange(lo - pad, hi + pad);
            }
            y = lin;
        }
        XYPlot plot = new XYPlot(band(name, values, false), axis("iteration"), y, bandRenderer(PALETTE[2], shaded));
        JFreeChart chart = chart(title, plot);
        chart.removeLegend();
        return svg(id, chart, width, height);
    }

    /** Marker shapes, with the character that stands for each in an HTML legend. */
    static final String[] SHAPE_GLYPHS = {"●", "■", "▲", "◆"};
    static final java.awt.Shape[] SHAPES = {new java.awt.geom.Ellipse2D.Double(-4, -4, 8, 8),
        new Rectangle2D.Double(-3.5, -3.5, 7, 7), new java.awt.Polygon(new int[] {0, 4, -4}, new int[] {-5, 3, 3}, 3),
        new java.awt.Polygon(new int[] {0, 5, 0, -5}, new int[] {-5, 0, 5, 0}, 4)};

    /** The colour and marker of the i-th strategy: 8 colours, then the next shape. */
    static Color strategyColor(int i) {
        return PALETTE[i % PALETTE.length];
    }

    static String strategyGlyph(int i) {
        return SHAPE_GLYPHS[(i / PALETTE.length) % SHAPE_GLYPHS.length];
    }

    /**
     * One setting's strategies at their mean passes (log x) and mean accuracy with ± sd bars, the
     * Pareto front as a grey line; axes fixed by the caller so that panels compare. No legend: the
     * report shows one for all panels.
     */
    static String frontier(String id, String title, ComputeFront.Setting setting, Map<String, Integer> strategyIndex,
                           double xLow, double xHigh, double yLow, double yHigh, int width, int height) {
        YIntervalSeriesCollection points = new YIntervalSeriesCollection();
        org.jfree.chart.renderer.xy.XYErrorRenderer renderer = new org.jfree.chart.renderer.xy.XYErrorRenderer();
        renderer.setDrawXError(false);
        renderer.setDefaultLinesVisible(false);
        int series = 0;
        for (ComputeFront.Point p : setting.points()) {
            if (p.accuracy().getN() == 0 || !(p.passes() > 0)) {
                continue;
            }
            YIntervalSeries s = new YIntervalSeries(p.strategy());
            double m = p.accuracy().getMean(), sd = p.accuracy().getN() > 1 ? p.accuracy().getStandardDeviation() : 0;
            s.add(p.passes(), m, m - sd, m + sd);
            points.addSeries(s);
            int i = strategyIndex.getOrDefault(p.strategy(), 0);
            renderer.setSeriesPaint(series, strategyColor(i));
            renderer.setSeriesShape(series, SHAPES[(i / PALETTE.length) % SHAPES.length]);
            renderer.setSeriesShapesFilled(series, p.onFront());
            series++;
        }
        List<org.jfree.chart.annotations.XYTextAnnotation> marks = new java.util.ArrayList<>();
        for (ComputeFront.Point p : setting.points()) {
            if (p.diverged() > 0 && p.accuracy().getN() > 0 && p.passes() > 0) {
                var a = new org.jfree.chart.annotations.XYTextAnnotation("  " + p.diverged() + " diverged",
                        p.passes(), p.accuracy().getMean());
                a.setFont(TICK);
                a.setPaint(PALETTE[3]);
                a.setTextAnchor(org.jfree.chart.ui.TextAnchor.CENTER_LEFT);
                marks.add(a);
            }
        }
        renderer.setErrorPaint(new Color(0x888888));
        LogAxis x = new LogAxis("forward + backward passes per run (log scale)");
        x.setLabelFont(LABEL);
        x.setTickLabelFont(TICK);
        x.setBase(10);
        x.setSmallestValue(1);
        x.setNumberFormatOverride(new java.text.DecimalFormat("#,##0"));
        // Ticks at powers of two: readable round numbers, several per decade (passes rarely span more than two).
        x.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(Math.log10(2)));
        x.setRange(xLow, xHigh);
        NumberAxis y = axis("test accuracy");
        y.setAutoRangeIncludesZero(false);
        if (yHigh > yLow) {
            y.setRange(yLow, yHigh);
        }
        XYPlot plot = new XYPlot(points, x, y, renderer);
        marks.forEach(plot::addAnnotation);
        XYSeries line = new XYSeries("Pareto front", false, true);
        for (ComputeFront.Point p : ComputeFront.frontLine(setting)) {
            if (p.passes() > 0) {
                line.add(p.passes(), p.accuracy().getMean());
            }
        }
        org.jfree.chart.renderer.xy.XYLineAndShapeRenderer frontRenderer =
                new org.jfree.chart.renderer.xy.XYLineAndShapeRenderer(true, false);
        frontRenderer.setSeriesPaint(0, new Color(0x999999));
        frontRenderer.setSeriesStroke(0, new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[] {4f, 3f}, 0f));
        plot.setDataset(1, new XYSeriesCollection(line));
        plot.setRenderer(1, frontRenderer);
        JFreeChart chart = chart(title, plot);
        chart.removeLegend();
        return svg(id, chart, width, height);
    }

    static NumberAxis axis(String label) {
        NumberAxis a = new NumberAxis(label);
        a.setLabelFont(LABEL);
        a.setTickLabelFont(TICK);
        return a;
    }

    static JFreeChart chart(String title, XYPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xDDDDDD));
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        JFreeChart chart = new JFreeChart(title, TITLE, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        if (chart.getLegend() != null) {
            chart.getLegend().setItemFont(TICK);
        }
        return chart;
    }

    static String svg(String id, JFreeChart chart, int width, int height) {
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        // Several charts share one page: their clip-path and gradient ids must not collide.
        g.setDefsKeyPrefix(id + "-");
        chart.draw(g, new Rectangle2D.Double(0, 0, width, height));
        // JFreeSVG declares a namespace of its own that HTML does not allow on an inline <svg>; nothing uses it.
        return g.getSVGElement(id).replace(" xmlns:jfreesvg='http://www.jfree.org/jfreesvg/svg'", "");
    }
}
