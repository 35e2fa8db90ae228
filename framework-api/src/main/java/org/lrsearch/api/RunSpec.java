package org.lrsearch.api;

/**
 * One fully resolved run of an experiment: one grid cell and one seed.
 *
 * @param runId          stable hash of the resolved config and the seed
 * @param dataset        dataset plugin id
 * @param model          model plugin id
 * @param hidden         hidden size, or 0 when the model has none
 * @param batchSize      minibatch size
 * @param shots          images per class
 * @param selection      how the k-shot set was chosen
 * @param strategy       the strategy's label in config (e.g. {@code H1}, {@code 0.1})
 * @param strategyPlugin the strategy's plugin id
 * @param seed           the run's seed
 * @param iterations     training iterations
 * @param evalEvery      test accuracy is measured every this many iterations
 * @param coordinates    the value of every key the experiment's grid sweeps (dotted key → value, grid
 *                       order; {@code strategy} is the label): runs that differ in any of them are
 *                       never pooled into one cell of a report, only runs that differ in the seed
 */
public record RunSpec(String runId, String dataset, String model, int hidden, int batchSize, int shots,
                      String selection, String strategy, String strategyPlugin, long seed, int iterations,
                      int evalEvery, java.util.Map<String, Object> coordinates) {
    public RunSpec {
        // Stores written before coordinates existed read back with none.
        coordinates = coordinates == null ? java.util.Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(coordinates));
    }
}
