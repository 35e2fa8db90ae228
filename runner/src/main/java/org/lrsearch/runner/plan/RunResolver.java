package org.lrsearch.runner.plan;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.lrsearch.api.DatasetPlugin;
import org.lrsearch.api.ModelPlugin;
import org.lrsearch.api.RunSpec;
import org.lrsearch.api.Selection;
import org.lrsearch.api.TaskRequest;
import org.lrsearch.runner.config.ConfigException;
import org.lrsearch.runner.config.Mappers;
import org.lrsearch.runner.config.OptionsBinder;
import org.lrsearch.runner.plugins.BoundPlugin;
import org.lrsearch.runner.plugins.Optimizers;

/**
 * Resolves one grid cell and seed into a {@link PlannedRun}: binds the dataset, model and training
 * sections, picks the strategy by label, and hashes the fully resolved config into the run id.
 */
final class RunResolver {
    /** Keys of the dataset and model sections that the runner reads itself; the rest are the plugin's options. */
    static final List<String> DATASET_CORE_KEYS = List.of("plugin", "shots", "selection", "validation");
    static final List<String> MODEL_CORE_KEYS = List.of("plugin");
    /** Where a run's optimizer "sits" when its config names none: plain SGD, kept out of the run id. */
    static final String DEFAULT_OPTIMIZER_KEY = "optimizer";
    /** Joins a strategy's and an optimizer's labels into the label of the method that reports compare. */
    public static final String METHOD_JOIN = "+";

    private final Map<String, DatasetPlugin<?>> datasets;
    private final Map<String, ModelPlugin<?>> models;

    RunResolver(Map<String, DatasetPlugin<?>> datasets, Map<String, ModelPlugin<?>> models) {
        this.datasets = datasets;
        this.models = models;
    }

    /**
     * @param cell     the config with this cell's grid values set
     * @param specs    strategy label → normalised spec
     * @param swept    the grid's keys, in grid order
     * @param originOf which file (or the command line) set a dotted key
     */
    PlannedRun resolve(int order, Map<String, Object> cell, Map<String, Map<String, Object>> specs,
                       Map<String, Map<String, Object>> optimizerSpecs, long seed, List<String> swept,
                       Function<String, String> originOf) {
        return resolve(order, cell, specs, optimizerSpecs, seed, swept, originOf, Map.of());
    }

    /** @param phase a tuned study's {@code phase} (and a tuning run's {@code trial}), in the run id and coordinates */
    PlannedRun resolve(int order, Map<String, Object> cell, Map<String, Map<String, Object>> specs,
                       Map<String, Map<String, Object>> optimizerSpecs, long seed, List<String> swept,
                       Function<String, String> originOf, Map<String, Object> phase) {
        for (String k : cell.keySet()) {
            if (!Grid.SECTIONS.contains(k)) {
                throw new ConfigException(originOf.apply(k), k, null, "unknown key" + OptionsBinder.didYouMean(k, Planner.TOP_KEYS));
            }
        }
        Map<String, Object> ds = section(cell, "dataset", originOf);
        DatasetPlugin<?> dataset = Planner.pick("dataset", ds.remove("plugin"), Planner.DEFAULT_DATASET, datasets, originOf);
        int shots = shots(originOf, ds.remove("shots"));
        Selection selection = selection(originOf, ds.remove("selection"));
        int validation = validation(originOf, ds.remove("validation"));
        Record dsOptions = OptionsBinder.bind(dataset.optionsType(), ds, "dataset", originOf, DATASET_CORE_KEYS);

        Map<String, Object> md = section(cell, "model", originOf);
        ModelPlugin<?> model = Planner.pick("model", md.remove("plugin"), Planner.DEFAULT_MODEL, models, originOf);
        Record mdOptions = OptionsBinder.bind(model.optionsType(), md, "model", originOf, MODEL_CORE_KEYS);

        TrainingSettings training = OptionsBinder.bind(TrainingSettings.class, section(cell, "training", originOf),
                "training", originOf);

        Object raw = cell.get("strategy");
        String label = raw == null ? null : String.valueOf(raw);
        if (label == null || !specs.containsKey(label)) {
            throw new ConfigException(originOf.apply("strategy"), "strategy", label, "no such strategy label"
                    + (label == null ? "" : OptionsBinder.didYouMean(label, specs.keySet()))
                    + "; defined under strategies: " + String.join(", ", specs.keySet()));
        }
        Map<String, Object> spec = specs.get(label);
        String optimizer = optimizerLabel(cell.get("optimizer"), optimizerSpecs, originOf);
        Map<String, Object> dsMap = options(dsOptions);
        Map<String, Object> mdMap = options(mdOptions);
        Map<String, Object> trMap = options(training);
        Map<String, Object> resolved = resolved(dataset.id(), shots, selection, validation, dsMap, model.id(), mdMap, trMap,
                label, spec, optimizer, optimizer == null ? null : optimizerSpecs.get(optimizer), seed, phase);

        // Coordinates: what reports describe the run by. Every option under its dotted key, then the
        // grid's own values (a swept key always shows the value the grid gave it). RunSpec interns the
        // keys and text values, which repeat in every run of a plan.
        Map<String, Object> coordinates = new LinkedHashMap<>();
        coordinates.putAll(phase);
        coordinates.put("strategy", label);
        if (optimizer != null) {
            coordinates.put("optimizer", optimizer);
        }
        coordinates.put("dataset.shots", shots);
        coordinates.put("dataset.selection", selection.key());
        if (validation > 0) {
            coordinates.put("dataset.validation", validation);
        }
        dsMap.forEach((k, v) -> coordinates.put("dataset." + k, v));
        mdMap.forEach((k, v) -> coordinates.put("model." + k, v));
        trMap.forEach((k, v) -> coordinates.put("training." + k, v));
        // Where the grid sweeps optimizers, the method a report compares is the strategy on its optimizer:
        // "H1+adam". Otherwise each strategy label runs on one optimizer and names the method alone.
        String method = optimizer == null || !swept.contains("optimizer") ? label : label + METHOD_JOIN + optimizer;
        RunSpec runSpec = new RunSpec(runId(resolved), dataset.id(), model.id(), training.batchSize(), shots,
                selection.key(), method, String.valueOf(spec.get("plugin")), seed, training.iterations(),
                training.interval(), coordinates, swept);
        return new PlannedRun(order, runSpec, new BoundPlugin<>(dataset, dsOptions), new TaskRequest(shots, selection, seed, validation),
                new BoundPlugin<>(model, mdOptions), "strategies." + label, spec,
                optimizer == null ? DEFAULT_OPTIMIZER_KEY : "optimizers." + optimizer,
                optimizer == null ? Optimizers.DEFAULT_SPEC : optimizerSpecs.get(optimizer), training);
    }

    /**
     * The resolved config hashed into a run's id. Built again from a {@link PlannedRun}'s parts when asked
     * ({@link PlannedRun#resolved}), so that a plan holds no config tree per run.
     */
    static Map<String, Object> resolved(String datasetId, int shots, Selection selection, int validation,
                                        Map<String, Object> dsMap, String modelId, Map<String, Object> mdMap,
                                        Map<String, Object> trMap, String label, Map<String, Object> spec,
                                        String optimizer, Map<String, Object> optimizerSpec, long seed,
                                        Map<String, Object> phase) {
        Map<String, Object> resolved = new LinkedHashMap<>();
        Map<String, Object> dsCore = new LinkedHashMap<>(Map.of("shots", shots, "selection", selection.key(),
                "options", dsMap));
        // A validation set enters the run id only where there is one: earlier runs keep theirs.
        if (validation > 0) {
            dsCore.put("validation", validation);
        }
        resolved.put("dataset", withPlugin(datasetId, dsCore));
        resolved.put("model", withPlugin(modelId, Map.of("options", mdMap)));
        resolved.put("training", trMap);
        resolved.put("strategy", Map.of("label", label, "spec", spec));
        // Only an optimizer other than plain SGD enters the run id: a run of plain SGD keeps the id it had
        // before optimizers existed, named or not (it computes the same numbers).
        if (optimizer != null && !Optimizers.DEFAULT_SPEC.equals(optimizerSpec)) {
            resolved.put("optimizer", Map.of("label", optimizer, "spec", optimizerSpec));
        }
        resolved.put("seed", seed);
        resolved.putAll(phase);
        return resolved;
    }

    /** As {@link #resolved(String, int, Selection, int, Map, String, Map, Map, String, Map, String, Map, long, Map)}, from a planned run. */
    static Map<String, Object> resolved(PlannedRun run) {
        String optimizer = run.optimizerKey().equals(DEFAULT_OPTIMIZER_KEY) ? null
                : run.optimizerKey().substring("optimizers.".length());
        Map<String, Object> phase = new LinkedHashMap<>();
        for (String k : List.of("phase", "trial")) {
            if (run.spec().coordinates().containsKey(k)) {
                phase.put(k, run.spec().coordinate(k));
            }
        }
        TaskRequest r = run.request();
        return resolved(run.dataset().id(), r.shots(), r.selection(), r.validation(), options(run.dataset().options()),
                run.model().id(), options(run.model().options()), options(run.training()),
                run.strategyKey().substring("strategies.".length()), run.strategySpec(), optimizer, run.optimizerSpec(),
                run.spec().seed(), phase);
    }

    /** The cell's optimizer label, checked against {@code optimizers:}; null when the config defines none. */
    private static String optimizerLabel(Object raw, Map<String, Map<String, Object>> specs,
                                         Function<String, String> originOf) {
        if (specs.isEmpty()) {
            if (raw != null) {
                throw new ConfigException(originOf.apply("optimizer"), "optimizer", raw, "no optimizers are defined: "
                        + "name them under optimizers:, e.g. optimizers: {" + raw + ": {plugin: " + raw + "}}");
            }
            return null;
        }
        String label = String.valueOf(raw);
        if (raw == null || !specs.containsKey(label)) {
            throw new ConfigException(originOf.apply("optimizer"), "optimizer", raw, "no such optimizer label"
                    + (raw == null ? "" : OptionsBinder.didYouMean(label, specs.keySet()))
                    + "; defined under optimizers: " + String.join(", ", specs.keySet()));
        }
        return label;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> options(Record options) {
        return Mappers.JSON.convertValue(options, Map.class);
    }

    private static Map<String, Object> withPlugin(String id, Map<String, Object> rest) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("plugin", id);
        m.putAll(rest);
        return m;
    }

    /** Stable id: the first 12 hex digits of the SHA-256 of the run's canonical resolved config. */
    static String runId(Map<String, Object> resolved) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(Mappers.toJson(resolved).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d).substring(0, 12);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> section(Map<String, Object> cell, String name, Function<String, String> originOf) {
        Object raw = cell.get(name);
        if (raw == null) {
            return new LinkedHashMap<>();
        }
        if (!(raw instanceof Map<?, ?> m)) {
            throw new ConfigException(originOf.apply(name), name, raw, "must be a mapping");
        }
        return new LinkedHashMap<>(Mappers.map(m));
    }

    private static int shots(Function<String, String> originOf, Object v) {
        if (v == null) {
            return 1;
        }
        if (!(v instanceof Integer || v instanceof Long)) {
            throw new ConfigException(originOf.apply("dataset.shots"), "dataset.shots", v,
                    "must be a whole number between 1 and 1000000");
        }
        long l = ((Number) v).longValue();
        if (l < 1 || l > 1_000_000) {
            throw new ConfigException(originOf.apply("dataset.shots"), "dataset.shots", v, "must be between 1 and 1000000");
        }
        return (int) l;
    }

    /** Validation images per class, {@code dataset.validation}: 0 (none) by default. */
    private static int validation(Function<String, String> originOf, Object v) {
        if (v == null) {
            return 0;
        }
        if (!(v instanceof Integer || v instanceof Long) || ((Number) v).longValue() < 0 || ((Number) v).longValue() > 100_000) {
            throw new ConfigException(originOf.apply("dataset.validation"), "dataset.validation", v,
                    "must be a whole number of images per class between 0 (none) and 100000");
        }
        return ((Number) v).intValue();
    }

    private static Selection selection(Function<String, String> originOf, Object v) {
        for (Selection s : Selection.values()) {
            if (s.key().equals(v == null ? "first" : v)) {
                return s;
            }
        }
        throw new ConfigException(originOf.apply("dataset.selection"), "dataset.selection", v,
                "must be one of: first, random");
    }
}
