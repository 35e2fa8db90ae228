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
 * The runs of an experiment grouped into Table 1 cells: (batch size, strategy, hidden, shots, and
 * every other key the grid sweeps), only seeds pooled. Strategies keep their config order; numbers
 * sort ascending; the other swept keys keep the order the grid ran them in.
 */
public final class ResultCells {
    /** The coordinates Table 1 lays out as rows and columns; any other swept key becomes a row label. */
    static final List<String> TABLE1_KEYS = List.of("strategy", "training.batchSize", "model.hidden", "dataset.shots");
    /**
     * The coordinates that make up the method a report compares: the strategy and, where the grid sweeps
     * it, the optimizer (the run's strategy label is then "H1+adam"). Blocks of a comparison are the
     * swept coordinates without these.
     */
    static final List<String> METHOD_KEYS = List.of("strategy", "optimizer");

    /**
     * A cell's key.
     *
     * @param others the other swept keys and their values ({@code dataset.selection=random}), empty when none
     */
    public record Key(int batchSize, String strategy, int hidden, int shots, String others) {
        public Key(int batchSize, String strategy, int hidden, int shots) {
            this(batchSize, strategy, hidden, shots, "");
        }
    }

    /** A row of Table 1: batch size, then strategy, then hidden size, then the other swept keys. */
    public record Row(int batchSize, String strategy, int hidden, String others) {
        public Key key(int shots) {
            return new Key(batchSize, strategy, hidden, shots, others);
        }
    }

    private final Map<Key, List<RunResult>> cells = new LinkedHashMap<>();
    private final List<String> strategies;
    private final TreeSet<Integer> batchSizes = new TreeSet<>();
    private final TreeSet<Integer> hiddens = new TreeSet<>();
    private final TreeSet<Integer> shots = new TreeSet<>();
    private final List<String> others = new ArrayList<>();

    public ResultCells(ExperimentResults results) {
        // Strategies in the order the grid ran them (the config's order), not alphabetically.
        List<String> order = new ArrayList<>();
        for (RunResult r : results.runs()) {
            RunSpec s = r.spec();
            String other = others(s);
            cells.computeIfAbsent(new Key(s.batchSize(), s.strategy(), hidden(s), s.shots(), other), k -> new ArrayList<>()).add(r);
            if (!others.contains(other)) {
                others.add(other);
            }
            batchSizes.add(s.batchSize());
            hiddens.add(hidden(s));
            shots.add(s.shots());
            if (!order.contains(s.strategy())) {
                order.add(s.strategy());
            }
        }
        this.strategies = List.copyOf(order);
    }

    /** The swept keys Table 1 has no place for, as one label: {@code key=value, key=value}. */
    static String others(RunSpec s) {
        List<String> parts = new ArrayList<>();
        s.sweptCoordinates().forEach((k, v) -> {
            if (!TABLE1_KEYS.contains(k) && !METHOD_KEYS.contains(k)) {
                parts.add(k + "=" + v);
            }
        });
        return String.join(", ", parts);
    }

    /** The model's hidden size where it has such an option ({@code model.hidden}), else 0. */
    static int hidden(RunSpec s) {
        return s.coordinate("model.hidden") instanceof Number n ? n.intValue() : 0;
    }

    public List<String> strategies() {
        return strategies;
    }

    /** The distinct labels of other swept keys, in the order the grid ran them ("" when there are none). */
    public List<String> others() {
        return List.copyOf(others);
    }

    /** Whether any row carries other swept keys (the table then shows them as a row label). */
    public boolean hasOthers() {
        return others.stream().anyMatch(o -> !o.isEmpty());
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
                    for (String o : others) {
                        Row row = new Row(b, s, h, o);
                        if (shots.stream().anyMatch(k -> cells.containsKey(row.key(k)))) {
                            rows.add(row);
                        }
                    }
                }
            }
        }
        return rows;
    }

    public List<RunResult> runs(Key key) {
        return cells.getOrDefault(key, List.of());
    }

    /**
     * How many of a cell's runs finished, when not all did: "3 of 5 ok" (diverged runs are averaged in
     * at the accuracy they stopped with, failed ones left out); empty when every run is ok.
     */
    static String okText(long ok, long total) {
        return ok == total ? "" : ok + " of " + total + " ok";
    }

    /** {@link #okText} of a cell's runs. */
    public String okText(Key key) {
        List<RunResult> runs = runs(key);
        return okText(runs.stream().filter(r -> r.status() == RunStatus.OK).count(), runs.size());
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
                .thenComparingInt(r -> hidden(r.spec()))
                .thenComparingInt(r -> others.indexOf(others(r.spec())))
                .thenComparingInt(r -> r.spec().shots())
                .thenComparingLong(r -> r.spec().seed());
    }
}
