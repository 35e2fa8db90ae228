package org.lrsearch.reporters;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.lrsearch.api.ExperimentResults;
import org.lrsearch.api.RunResult;
import org.lrsearch.api.RunSpec;
import org.lrsearch.api.RunStatus;

/**
 * The runs of an experiment grouped into Table 1 cells: (batch size, strategy, hidden, shots),
 * seeds pooled. Strategies keep their config order; numbers sort ascending.
 */
public final class Cells {
    /** A cell's key. */
    public record Key(int batchSize, String strategy, int hidden, int shots) {
    }

    /** A row of Table 1: batch size, then strategy, then hidden size. */
    public record Row(int batchSize, String strategy, int hidden) {
    }

    private final Map<Key, List<RunResult>> cells = new LinkedHashMap<>();
    private final List<String> strategies;
    private final TreeSet<Integer> batchSizes = new TreeSet<>();
    private final TreeSet<Integer> hiddens = new TreeSet<>();
    private final TreeSet<Integer> shots = new TreeSet<>();

    public Cells(ExperimentResults results) {
        // Strategies in the order the grid ran them (the config's order), not alphabetically.
        List<String> order = new ArrayList<>();
        for (RunResult r : results.runs()) {
            RunSpec s = r.spec();
            cells.computeIfAbsent(new Key(s.batchSize(), s.strategy(), s.hidden(), s.shots()), k -> new ArrayList<>()).add(r);
            batchSizes.add(s.batchSize());
            hiddens.add(s.hidden());
            shots.add(s.shots());
            if (!order.contains(s.strategy())) {
                order.add(s.strategy());
            }
        }
        this.strategies = List.copyOf(order);
    }

    public List<String> strategies() {
        return strategies;
    }

    public List<Integer> batchSizes() {
        return List.copyOf(batchSizes);
    }

    public List<Integer> hiddens() {
        return List.copyOf(hiddens);
    }

    public List<Integer> shots() {
        return List.copyOf(shots);
    }

    /** Rows present in the results, in Table 1 order. */
    public List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        for (int b : batchSizes) {
            for (String s : strategies) {
                for (int h : hiddens) {
                    Row row = new Row(b, s, h);
                    if (shots.stream().anyMatch(k -> cells.containsKey(new Key(b, s, h, k)))) {
                        rows.add(row);
                    }
                }
            }
        }
        return rows;
    }

    public List<RunResult> runs(Key key) {
        return cells.getOrDefault(key, List.of());
    }

    /** Test accuracy over the cell's finished runs (failed runs left out). */
    public SummaryStatistics accuracy(Key key) {
        SummaryStatistics s = new SummaryStatistics();
        for (RunResult r : runs(key)) {
            if (r.status() != RunStatus.FAILED && !Double.isNaN(r.testAccuracy())) {
                s.addValue(r.testAccuracy());
            }
        }
        return s;
    }

    /** Runs sorted for display: batch, strategy order, hidden, shots, seed. */
    public Comparator<RunResult> displayOrder() {
        return Comparator.<RunResult>comparingInt(r -> r.spec().batchSize())
                .thenComparingInt(r -> strategies.indexOf(r.spec().strategy()))
                .thenComparingInt(r -> r.spec().hidden())
                .thenComparingInt(r -> r.spec().shots())
                .thenComparingLong(r -> r.spec().seed());
    }
}
