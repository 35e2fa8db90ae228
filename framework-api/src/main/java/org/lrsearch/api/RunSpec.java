package org.lrsearch.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One fully resolved run of an experiment: one grid cell and one seed. The fields are what every
 * run has whatever its plugins; everything else about it is in {@link #coordinates}.
 *
 * @param runId          stable hash of the resolved config and the seed
 * @param dataset        dataset plugin id
 * @param model          model plugin id
 * @param batchSize      minibatch size
 * @param shots          examples per class
 * @param selection      how the k-shot set was chosen
 * @param strategy       the strategy's label in config (e.g. {@code H1}, {@code 0.1})
 * @param strategyPlugin the strategy's plugin id
 * @param seed           the run's seed
 * @param iterations     training iterations
 * @param evalEvery      test accuracy is measured every this many iterations; {@link #EVERY_EPOCH}
 *                       (0): once per epoch, by the rule of {@code training.evalEvery: epoch}
 * @param coordinates    dotted key → value for every swept key and every dataset, model and training
 *                       option ({@code model.hidden}, {@code dataset.selection}, {@code strategy} as the
 *                       label): what reports and CSV files describe a run by
 * @param swept          the keys the experiment's grid sweeps, in grid order: runs that differ in any
 *                       of them are never pooled into one cell of a report, only runs that differ in
 *                       the seed
 * @since 0.1
 */
public record RunSpec(String runId, String dataset, String model, int batchSize, int shots, String selection,
                      String strategy, String strategyPlugin, long seed, int iterations, int evalEvery,
                      Map<String, Object> coordinates, List<String> swept) {
    /** {@link #evalEvery()} of a run measured once per epoch ({@code training.evalEvery: epoch}). @since 0.2 */
    public static final int EVERY_EPOCH = 0;

    public RunSpec {
        // The names and text coordinates repeat in every run of a study: interned, a study of 30,000 runs
        // holds each once (in its plan, and when its reporters read the runs back), not 30,000 times.
        dataset = intern(dataset);
        model = intern(model);
        selection = intern(selection);
        strategy = intern(strategy);
        strategyPlugin = intern(strategyPlugin);
        Map<String, Object> c = new LinkedHashMap<>();
        // Stores written before coordinates existed read back with none.
        if (coordinates != null) {
            coordinates.forEach((k, v) -> c.put(intern(k), frozen(v)));
        }
        // So are the coordinates of a cell's runs, and the swept keys of all: held once each (Canonical).
        coordinates = coordinates == null ? Map.of() : Canonical.of(Collections.unmodifiableMap(c));
        swept = swept == null ? List.of() : Canonical.of(swept.stream().map(RunSpec::intern).toList());
    }

    /** A coordinate's value as it will stay: text interned, lists and maps (YAML's) copied unmodifiable. */
    private static Object frozen(Object v) {
        if (v instanceof String t) {
            return intern(t);
        }
        if (v instanceof List<?> l) {
            List<Object> c = new java.util.ArrayList<>(l.size());
            l.forEach(x -> c.add(frozen(x)));
            return Collections.unmodifiableList(c);
        }
        if (v instanceof Map<?, ?> m) {
            Map<Object, Object> c = new LinkedHashMap<>();
            m.forEach((k, x) -> c.put(k, frozen(x)));
            return Collections.unmodifiableMap(c);
        }
        return v;
    }

    private static String intern(String s) {
        return s == null ? null : s.intern();
    }

    /** The value of a coordinate, or null when the run has no such key. */
    public Object coordinate(String key) {
        return coordinates.get(key);
    }

    /** The swept coordinates alone, in grid order. */
    public Map<String, Object> sweptCoordinates() {
        Map<String, Object> m = new LinkedHashMap<>();
        for (String k : swept) {
            m.put(k, coordinates.get(k));
        }
        return m;
    }
}
