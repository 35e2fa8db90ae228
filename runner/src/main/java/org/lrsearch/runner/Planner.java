package org.lrsearch.runner;

import com.google.inject.Inject;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.lrsearch.api.DataException;
import org.lrsearch.api.DatasetPlugin;
import org.lrsearch.api.InvalidOptionException;
import org.lrsearch.api.LrStrategyPlugin;
import org.lrsearch.api.ModelPlugin;
import org.lrsearch.api.ReporterPlugin;
import org.lrsearch.api.RunSpec;
import org.lrsearch.api.Selection;
import org.lrsearch.api.TaskRequest;

/**
 * Turns a composed config into a validated {@link ExperimentPlan}: checks every key, value and
 * plugin id, expands {@code grid} (dotted key → list, Cartesian product, first key outermost) and
 * {@code seeds}, and gives each run its stable id. Nothing runs and nothing is written here; any
 * problem is a {@link ConfigException}.
 */
public final class Planner {
    static final List<String> TOP_KEYS = List.of("name", "description", "dataset", "model", "training", "strategy",
            "strategies", "seeds", "grid", "reporters", "report");
    static final List<String> REPORT_KEYS = List.of("title", "reference", "templates");
    static final List<String> GRID_SECTIONS = List.of("dataset", "model", "training", "strategy");

    private final Map<String, DatasetPlugin<?>> datasets;
    private final Map<String, ModelPlugin<?>> models;
    private final Map<String, ReporterPlugin<?>> reporters;
    private final Strategies strategies;

    @Inject
    public Planner(Map<String, DatasetPlugin<?>> datasets, Map<String, ModelPlugin<?>> models,
                   Map<String, LrStrategyPlugin<?>> strategyPlugins, Map<String, ReporterPlugin<?>> reporters) {
        this.datasets = new java.util.TreeMap<>(datasets);
        this.models = new java.util.TreeMap<>(models);
        this.reporters = new java.util.TreeMap<>(reporters);
        this.strategies = new Strategies(new java.util.TreeMap<>(strategyPlugins));
    }

    public Strategies strategies() {
        return strategies;
    }

    /** Validates {@code config} and expands it; {@code checkData} also loads each k-shot set once. */
    public ExperimentPlan plan(ComposedConfig config, boolean checkData) {
        Map<String, Object> tree = config.tree();
        for (String k : tree.keySet()) {
            if (!TOP_KEYS.contains(k)) {
                throw config.error(k, null, "unknown key" + OptionsBinder.didYouMean(k, TOP_KEYS)
                        + "; valid top-level keys: " + String.join(", ", TOP_KEYS));
            }
        }
        String name = tree.containsKey("name") ? string(config, "name", tree.get("name"))
                : stripExt(config.file().getFileName().toString());

        Map<String, Map<String, Object>> strategySpecs = strategySpecs(config);
        List<Long> seeds = seeds(config, tree.get("seeds"));
        Map<String, List<Object>> grid = grid(config, tree.get("grid"));
        if (!grid.containsKey("strategy") && !tree.containsKey("strategy")) {
            // No strategy chosen: run every named one, as the outermost dimension.
            Map<String, List<Object>> g = new LinkedHashMap<>();
            g.put("strategy", new ArrayList<>(strategySpecs.keySet()));
            g.putAll(grid);
            grid = g;
        }
        List<ExperimentPlan.Reporter> reporterList = reporters(config, tree.get("reporters"));
        Map<String, Object> report = report(config, tree.get("report"));

        Function<String, String> gridOrigin = key -> config.originOf("grid");
        List<PlannedRun> runs = new ArrayList<>();
        List<Map<String, Object>> cells = cartesian(grid);
        Map<String, Object> base = Yaml.map(Yaml.deepCopy(tree));
        for (String k : List.of("grid", "seeds", "reporters", "report", "strategies", "name", "description")) {
            base.remove(k);
        }
        for (Map<String, Object> cell : cells) {
            Map<String, Object> cellTree = Yaml.map(Yaml.deepCopy(base));
            Set<String> fromGrid = new LinkedHashSet<>();
            for (var e : cell.entrySet()) {
                ComposedConfig.setPath(cellTree, e.getKey(), Yaml.deepCopy(e.getValue()), null, null);
                fromGrid.add(e.getKey());
            }
            Function<String, String> originOf = key -> {
                for (String g : fromGrid) {
                    if (key.equals(g) || key.startsWith(g + ".")) {
                        return gridOrigin.apply(key);
                    }
                }
                return config.originOf(key);
            };
            for (long seed : seeds) {
                runs.add(planRun(config, runs.size(), cellTree, strategySpecs, seed, originOf));
            }
        }
        Set<String> ids = new HashSet<>();
        for (PlannedRun r : runs) {
            if (!ids.add(r.spec().runId())) {
                throw config.error("grid", null, "two runs resolve to the same config (run id " + r.spec().runId()
                        + "): a grid list repeats a value");
            }
        }
        if (checkData) {
            checkData(config, runs);
        }
        return new ExperimentPlan(name, config, runs, reporterList, report, seeds, strategySpecs);
    }

    private PlannedRun planRun(ComposedConfig config, int order, Map<String, Object> cell,
                               Map<String, Map<String, Object>> specs, long seed, Function<String, String> originOf) {
        for (String k : cell.keySet()) {
            if (!GRID_SECTIONS.contains(k)) {
                throw new ConfigException(originOf.apply(k), k, null, "unknown key" + OptionsBinder.didYouMean(k, TOP_KEYS));
            }
        }
        // dataset
        Map<String, Object> ds = section(cell, "dataset", originOf);
        Object dsId = ds.remove("plugin");
        DatasetPlugin<?> dataset = pick("dataset", dsId == null ? "mnist" : dsId, datasets, originOf);
        int shots = integer(originOf, "dataset.shots", ds.remove("shots"), 1, 1, 1_000_000);
        Object selRaw = ds.remove("selection");
        Selection selection = selection(originOf, selRaw == null ? "first" : selRaw);
        Record dsOptions = OptionsBinder.bind(dataset.optionsType(), ds, "dataset", originOf);
        TaskRequest request = new TaskRequest(shots, selection, seed);
        // model
        Map<String, Object> md = section(cell, "model", originOf);
        Object mdId = md.remove("plugin");
        ModelPlugin<?> model = pick("model", mdId == null ? "two-layer-net" : mdId, models, originOf);
        Record mdOptions = OptionsBinder.bind(model.optionsType(), md, "model", originOf);
        // training
        Map<String, Object> tr = section(cell, "training", originOf);
        for (String k : tr.keySet()) {
            if (!TrainingSettings.KEYS.contains(k)) {
                String key = "training." + k;
                throw new ConfigException(originOf.apply(key), key, tr.get(k), "unknown key"
                        + OptionsBinder.didYouMean(k, TrainingSettings.KEYS) + "; valid keys: "
                        + String.join(", ", TrainingSettings.KEYS));
            }
        }
        int iterations = integer(originOf, "training.iterations", tr.get("iterations"), 10_000, 1, 100_000_000);
        int batchSize = integer(originOf, "training.batchSize", tr.get("batchSize"), 2, 1, 1_000_000);
        int evalEvery = integer(originOf, "training.evalEvery", tr.get("evalEvery"), iterations, 1, Integer.MAX_VALUE);
        Object samplingRaw = tr.getOrDefault("sampling", "with-replacement");
        if (!TrainingSettings.SAMPLINGS.contains(samplingRaw)) {
            throw new ConfigException(originOf.apply("training.sampling"), "training.sampling", samplingRaw,
                    "must be one of: " + String.join(", ", TrainingSettings.SAMPLINGS));
        }
        double divergence = number(originOf, "training.divergenceFactor", tr.get("divergenceFactor"), 4.0);
        if (!(divergence > 1) || Double.isInfinite(divergence)) {
            throw new ConfigException(originOf.apply("training.divergenceFactor"), "training.divergenceFactor",
                    divergence, "must be a finite number > 1");
        }
        TrainingSettings training = new TrainingSettings(iterations, batchSize, evalEvery, (String) samplingRaw, divergence);
        // strategy
        Object label = cell.get("strategy");
        if (!(label instanceof String) && label != null) {
            label = String.valueOf(label);
        }
        if (label == null || !specs.containsKey(label)) {
            throw new ConfigException(originOf.apply("strategy"), "strategy", label, "no such strategy label"
                    + (label == null ? "" : OptionsBinder.didYouMean((String) label, specs.keySet()))
                    + "; defined under strategies: " + String.join(", ", specs.keySet()));
        }
        Map<String, Object> spec = specs.get(label);

        Map<String, Object> resolved = new LinkedHashMap<>();
        resolved.put("dataset", withPlugin(dataset.id(), Map.of("shots", shots, "selection", selection.key(),
                "options", Yaml.JSON.convertValue(dsOptions, Map.class))));
        resolved.put("model", withPlugin(model.id(), Map.of("options", Yaml.JSON.convertValue(mdOptions, Map.class))));
        resolved.put("training", Yaml.JSON.convertValue(training, Map.class));
        resolved.put("strategy", Map.of("label", label, "spec", spec));
        resolved.put("seed", seed);
        String runId = runId(resolved);
        RunSpec runSpec = new RunSpec(runId, dataset.id(), model.id(), hidden(mdOptions), batchSize, shots,
                selection.key(), (String) label, String.valueOf(spec.get("plugin")), seed, iterations, evalEvery);
        return new PlannedRun(order, runSpec, dataset, dsOptions, request, model, mdOptions, "strategies." + label, spec,
                training, resolved);
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
            byte[] d = MessageDigest.getInstance("SHA-256").digest(
                    Yaml.toJson(resolved).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d).substring(0, 12);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int hidden(Record options) {
        for (RecordComponent rc : options.getClass().getRecordComponents()) {
            if (rc.getName().equals("hidden")) {
                try {
                    Object v = rc.getAccessor().invoke(options);
                    return v instanceof Number n ? n.intValue() : 0;
                } catch (ReflectiveOperationException e) {
                    return 0;
                }
            }
        }
        return 0;
    }

    private void checkData(ComposedConfig config, List<PlannedRun> runs) {
        Map<String, Boolean> seen = new HashMap<>();
        for (PlannedRun r : runs) {
            String key = r.dataset().id() + Yaml.toJson(Yaml.JSON.convertValue(r.datasetOptions(), Map.class))
                    + r.request();
            if (seen.put(key, true) != null) {
                continue;
            }
            try {
                load(r.dataset(), r.datasetOptions(), r.request());
            } catch (InvalidOptionException e) {
                throw config.error("dataset." + e.key(), e.value(), e.getMessage());
            } catch (DataException e) {
                throw new UsageException(e.getMessage(), e);
            }
        }
    }

    @SuppressWarnings("unchecked")
    static <O extends Record> org.lrsearch.api.FewShotTask load(DatasetPlugin<O> p, Record options, TaskRequest req) {
        return p.load((O) options, req);
    }

    private Map<String, Map<String, Object>> strategySpecs(ComposedConfig config) {
        Object raw = config.tree().get("strategies");
        if (!(raw instanceof Map<?, ?> m) || m.isEmpty()) {
            throw config.error("strategies", raw, "must map at least one label to a strategy, e.g. "
                    + "strategies: {\"0.1\": {plugin: fixed, lr: 0.1}}");
        }
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        for (var e : Yaml.map(m).entrySet()) {
            String key = "strategies." + e.getKey();
            // Building once validates plugin ids and options, nested `then` included.
            strategies.build(key, e.getValue(), config::originOf);
            out.put(e.getKey(), strategies.normalise(key, Yaml.map(e.getValue()), config::originOf));
        }
        return out;
    }

    private static List<Long> seeds(ComposedConfig config, Object raw) {
        if (raw == null) {
            return List.of(0L);
        }
        if (raw instanceof Integer || raw instanceof Long) {
            long n = ((Number) raw).longValue();
            if (n < 1 || n > 10_000) {
                throw config.error("seeds", raw, "a count of seeds must be between 1 and 10000 (or give a list of seeds)");
            }
            List<Long> s = new ArrayList<>();
            for (long i = 0; i < n; i++) {
                s.add(i);
            }
            return s;
        }
        if (raw instanceof List<?> l && !l.isEmpty()) {
            List<Long> s = new ArrayList<>();
            for (Object o : l) {
                if (!(o instanceof Integer || o instanceof Long)) {
                    throw config.error("seeds", raw, "every seed must be a whole number");
                }
                if (s.contains(((Number) o).longValue())) {
                    throw config.error("seeds", raw, "seed " + o + " is listed twice");
                }
                s.add(((Number) o).longValue());
            }
            return s;
        }
        throw config.error("seeds", raw, "must be a count (e.g. 3 for seeds 0, 1, 2) or a non-empty list of seeds");
    }

    private static Map<String, List<Object>> grid(ComposedConfig config, Object raw) {
        Map<String, List<Object>> out = new LinkedHashMap<>();
        if (raw == null) {
            return out;
        }
        if (!(raw instanceof Map<?, ?> m)) {
            throw config.error("grid", raw, "must map dotted keys to lists, e.g. grid: {training.batchSize: [2, 4, 8]}");
        }
        for (var e : Yaml.map(m).entrySet()) {
            String key = "grid." + e.getKey();
            String section = e.getKey().split("\\.")[0];
            if (!GRID_SECTIONS.contains(section) || (e.getKey().equals("strategy") != section.equals("strategy"))
                    || (!section.equals("strategy") && !e.getKey().contains("."))) {
                throw config.error(key, null, "no such key to sweep" + OptionsBinder.didYouMean(e.getKey(),
                        List.of("strategy", "dataset.shots", "model.hidden", "training.batchSize", "training.iterations"))
                        + "; grid keys are `strategy` or dotted keys under dataset, model or training");
            }
            if (!(e.getValue() instanceof List<?> l) || l.isEmpty()) {
                throw config.error(key, e.getValue(), "must be a non-empty list of values");
            }
            out.put(e.getKey(), new ArrayList<>(l));
        }
        return out;
    }

    static List<Map<String, Object>> cartesian(Map<String, List<Object>> grid) {
        List<Map<String, Object>> cells = new ArrayList<>();
        cells.add(new LinkedHashMap<>());
        for (var e : grid.entrySet()) {
            List<Map<String, Object>> next = new ArrayList<>();
            for (Map<String, Object> c : cells) {
                for (Object v : e.getValue()) {
                    Map<String, Object> n = new LinkedHashMap<>(c);
                    n.put(e.getKey(), v);
                    next.add(n);
                }
            }
            cells = next;
        }
        return cells;
    }

    private List<ExperimentPlan.Reporter> reporters(ComposedConfig config, Object raw) {
        List<Object> items = raw == null ? List.of("csv") : raw instanceof List<?> l ? new ArrayList<>(l) : null;
        if (items == null) {
            throw config.error("reporters", raw, "must be a list of reporter ids or {plugin: id, ...} mappings; known: "
                    + String.join(", ", reporters.keySet()));
        }
        List<ExperimentPlan.Reporter> out = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            Object item = items.get(i);
            String key = "reporters[" + i + "]";
            Map<String, Object> spec = item instanceof Map<?, ?> m ? new LinkedHashMap<>(Yaml.map(m))
                    : new LinkedHashMap<>(Map.of("plugin", String.valueOf(item)));
            Object id = spec.remove("plugin");
            ReporterPlugin<?> p = pick("reporter", id, reporters, k -> config.originOf("reporters"), key + ".plugin");
            if (!used.add(p.id())) {
                throw config.error("reporters", id, "reporter '" + p.id() + "' is listed twice");
            }
            Record options = OptionsBinder.bind(p.optionsType(), spec, key, k -> config.originOf("reporters"));
            Map<String, Object> normal = new LinkedHashMap<>(spec);
            normal.put("plugin", p.id());
            out.add(new ExperimentPlan.Reporter(p, options, normal));
        }
        return out;
    }

    private static Map<String, Object> report(ComposedConfig config, Object raw) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (raw == null) {
            return out;
        }
        if (!(raw instanceof Map<?, ?> m)) {
            throw config.error("report", raw, "must be a mapping with keys " + String.join(", ", REPORT_KEYS));
        }
        for (var e : Yaml.map(m).entrySet()) {
            String key = "report." + e.getKey();
            if (!REPORT_KEYS.contains(e.getKey())) {
                throw config.error(key, e.getValue(), "unknown key" + OptionsBinder.didYouMean(e.getKey(), REPORT_KEYS)
                        + "; valid keys: " + String.join(", ", REPORT_KEYS));
            }
            if (!(e.getValue() instanceof String s) || s.isBlank()) {
                throw config.error(key, e.getValue(), "must be a non-empty string");
            }
            if (e.getKey().equals("title")) {
                out.put("title", s);
                continue;
            }
            // Paths are relative to the file that set them.
            Path origin = Path.of(config.originOf(key));
            Path base = ComposedConfig.COMMAND_LINE.equals(config.originOf(key)) ? Path.of("")
                    : origin.toAbsolutePath().getParent();
            Path p = base.resolve(s).toAbsolutePath().normalize();
            boolean ok = e.getKey().equals("templates") ? Files.isDirectory(p) : Files.isRegularFile(p);
            if (!ok) {
                throw config.error(key, s, (e.getKey().equals("templates") ? "folder " : "file ") + p + " does not exist");
            }
            out.put(e.getKey(), p.toString());
        }
        return out;
    }

    private static Map<String, Object> section(Map<String, Object> cell, String name, Function<String, String> originOf) {
        Object raw = cell.get(name);
        if (raw == null) {
            return new LinkedHashMap<>();
        }
        if (!(raw instanceof Map<?, ?> m)) {
            throw new ConfigException(originOf.apply(name), name, raw, "must be a mapping");
        }
        return new LinkedHashMap<>(Yaml.map(m));
    }

    private static <T extends org.lrsearch.api.Plugin<?>> T pick(String kind, Object id, Map<String, T> known,
                                                                 Function<String, String> originOf) {
        return pick(kind, id, known, originOf, kind + ".plugin");
    }

    private static <T extends org.lrsearch.api.Plugin<?>> T pick(String kind, Object id, Map<String, T> known,
                                                                 Function<String, String> originOf, String key) {
        T p = id == null ? null : known.get(String.valueOf(id));
        if (p == null) {
            throw new ConfigException(originOf.apply(key), key, id, (id == null ? "missing" : "unknown " + kind + " plugin"
                    + OptionsBinder.didYouMean(String.valueOf(id), known.keySet())) + "; known: "
                    + String.join(", ", known.keySet()));
        }
        return p;
    }

    private static int integer(Function<String, String> originOf, String key, Object v, int dflt, int min, int max) {
        if (v == null) {
            return dflt;
        }
        if (!(v instanceof Integer || v instanceof Long)) {
            throw new ConfigException(originOf.apply(key), key, v, "must be a whole number between " + min + " and " + max);
        }
        long l = ((Number) v).longValue();
        if (l < min || l > max) {
            throw new ConfigException(originOf.apply(key), key, v, "must be between " + min + " and " + max);
        }
        return (int) l;
    }

    private static double number(Function<String, String> originOf, String key, Object v, double dflt) {
        if (v == null) {
            return dflt;
        }
        if (!(v instanceof Number n)) {
            throw new ConfigException(originOf.apply(key), key, v, "must be a number");
        }
        return n.doubleValue();
    }

    private static Selection selection(Function<String, String> originOf, Object v) {
        for (Selection s : Selection.values()) {
            if (s.key().equals(v)) {
                return s;
            }
        }
        throw new ConfigException(originOf.apply("dataset.selection"), "dataset.selection", v,
                "must be one of: first, random");
    }

    private static String string(ComposedConfig config, String key, Object v) {
        if (!(v instanceof String s) || s.isBlank()) {
            throw config.error(key, v, "must be a non-empty string");
        }
        return s;
    }

    private static String stripExt(String f) {
        int dot = f.lastIndexOf('.');
        return dot > 0 ? f.substring(0, dot) : f;
    }
}
