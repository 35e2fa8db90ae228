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
    /** Keys of the dataset and model sections that the runner reads itself; the rest are the plugin's options. */
    static final List<String> DATASET_CORE_KEYS = List.of("plugin", "shots", "selection");
    static final List<String> MODEL_CORE_KEYS = List.of("plugin");

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

    /** How much of the data {@link #plan} checks. */
    public enum DataCheck {
        /** Config only. */
        NONE,
        /** Data present locally is verified and each k-shot set loaded once; missing data is reported, not fetched. */
        LOCAL,
        /** As LOCAL, but missing data is acquired first (what a run does). */
        FETCH
    }

    /** Validates {@code config} and expands it; {@code checkData} also loads each k-shot set once. */
    public ExperimentPlan plan(ComposedConfig config, boolean checkData) {
        return plan(config, checkData ? DataCheck.FETCH : DataCheck.NONE);
    }

    /** Validates {@code config} and expands it, checking data as {@code data} says. */
    public ExperimentPlan plan(ComposedConfig config, DataCheck data) {
        Map<String, Object> tree = config.tree();
        for (String k : tree.keySet()) {
            if (!TOP_KEYS.contains(k)) {
                throw config.error(k, null, "unknown key" + OptionsBinder.didYouMean(k, TOP_KEYS)
                        + "; valid top-level keys: " + String.join(", ", TOP_KEYS));
            }
        }
        String name = tree.containsKey("name") ? experimentName(config, tree.get("name"))
                : stripExt(config.file().getFileName().toString()).replaceAll("[^A-Za-z0-9._-]", "-");

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

        List<String> notices = new ArrayList<>(config.notices());
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
                String g = sweptBy(fromGrid, key);
                return config.originOf(g == null ? key : "grid." + g);
            };
            Map<String, Object> coordinates = new LinkedHashMap<>();
            cell.forEach((k, v) -> coordinates.put(k, k.equals("strategy") ? String.valueOf(v) : v));
            for (long seed : seeds) {
                try {
                    runs.add(planRun(config, runs.size(), cellTree, strategySpecs, seed, originOf, coordinates));
                } catch (ConfigException e) {
                    // A bad value that a grid entry set is blamed on that entry (grid.KEY), where the user wrote it.
                    String g = e.key() == null ? null : sweptBy(fromGrid, e.key());
                    throw g == null ? e : e.at(config.originOf("grid." + g), "grid." + e.key());
                }
            }
        }
        Set<String> ids = new HashSet<>();
        for (PlannedRun r : runs) {
            if (!ids.add(r.spec().runId())) {
                throw config.error("grid", null, "two runs resolve to the same config (run id " + r.spec().runId()
                        + "): a grid list repeats a value");
            }
        }
        if (data != DataCheck.NONE) {
            notices.addAll(checkData(config, runs, data == DataCheck.FETCH));
        }
        checkReporters(reporterList, report);
        return new ExperimentPlan(name, config, runs, reporterList, report, seeds, strategySpecs, notices,
                identity(tree, runs));
    }

    private PlanIdentity identity(Map<String, Object> tree, List<PlannedRun> runs) {
        Map<String, String> versions = new java.util.TreeMap<>();
        for (PlannedRun r : runs) {
            versions.put("dataset:" + r.dataset().id(), r.dataset().version());
            versions.put("model:" + r.model().id(), r.model().version());
            strategyPlugins(r.strategySpec(), versions);
        }
        return PlanIdentity.of(tree, runs.stream().map(r -> r.spec().runId()).toList(), versions);
    }

    /** Every strategy plugin a normalised spec uses, nested ones included. */
    private void strategyPlugins(Map<String, Object> spec, Map<String, String> versions) {
        var p = strategies.plugin("strategy.plugin", spec.get("plugin"), k -> "plan");
        versions.put("strategy:" + p.id(), p.version());
        for (Object v : spec.values()) {
            if (v instanceof Map<?, ?> m && m.get("plugin") instanceof String) {
                strategyPlugins(Yaml.map(m), versions);
            }
        }
    }

    /** The grid key that set {@code key} (itself or a parent), or null when no grid entry did. */
    private static String sweptBy(Set<String> swept, String key) {
        for (String g : swept) {
            if (key.equals(g) || key.startsWith(g + ".")) {
                return g;
            }
        }
        return null;
    }

    /** Each reporter checks what it can before any run (templates parse): a mistake then costs nothing. */
    private static void checkReporters(List<ExperimentPlan.Reporter> reporters, Map<String, Object> report) {
        for (ExperimentPlan.Reporter r : reporters) {
            try {
                check(r.plugin(), r.options(), report);
            } catch (java.io.IOException e) {
                throw new UsageException("reporter '" + r.plugin().id() + "': " + e.getMessage(), e);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static <O extends Record> void check(ReporterPlugin<O> p, Record options, Map<String, Object> report)
            throws java.io.IOException {
        p.check((O) options, report);
    }

    private PlannedRun planRun(ComposedConfig config, int order, Map<String, Object> cell,
                               Map<String, Map<String, Object>> specs, long seed, Function<String, String> originOf,
                               Map<String, Object> coordinates) {
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
        Record dsOptions = OptionsBinder.bind(dataset.optionsType(), ds, "dataset", originOf, DATASET_CORE_KEYS);
        TaskRequest request = new TaskRequest(shots, selection, seed);
        // model
        Map<String, Object> md = section(cell, "model", originOf);
        Object mdId = md.remove("plugin");
        ModelPlugin<?> model = pick("model", mdId == null ? "two-layer-net" : mdId, models, originOf);
        Record mdOptions = OptionsBinder.bind(model.optionsType(), md, "model", originOf, MODEL_CORE_KEYS);
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
                selection.key(), (String) label, String.valueOf(spec.get("plugin")), seed, iterations, evalEvery,
                coordinates);
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

    /**
     * Loads each distinct k-shot set once, so a request a dataset cannot meet fails before any run.
     * Without {@code fetch}, data that is not present locally is reported in a notice, not acquired.
     */
    private List<String> checkData(ComposedConfig config, List<PlannedRun> runs, boolean fetch) {
        List<String> notices = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Set<String> absent = new HashSet<>();
        for (PlannedRun r : runs) {
            String data = r.dataset().id() + Yaml.toJson(Yaml.JSON.convertValue(r.datasetOptions(), Map.class));
            if (absent.contains(data) || !seen.add(data + r.request())) {
                continue;
            }
            try {
                if (!fetch) {
                    java.util.Optional<String> missing = missing(r.dataset(), r.datasetOptions());
                    if (missing.isPresent()) {
                        absent.add(data);
                        notices.add(r.dataset().id() + ": " + missing.get());
                        continue;
                    }
                }
                load(r.dataset(), r.datasetOptions(), r.request());
            } catch (InvalidOptionException e) {
                throw config.error("dataset." + e.key(), e.value(), e.getMessage());
            } catch (DataException e) {
                throw new UsageException(e.getMessage(), e);
            }
        }
        return notices;
    }

    @SuppressWarnings("unchecked")
    private static <O extends Record> java.util.Optional<String> missing(DatasetPlugin<O> p, Record options) {
        return p.missingData((O) options);
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
            // Normalising builds the strategy once, which validates plugin ids and options, nested `then` included.
            out.put(e.getKey(), strategies.normalise(key, e.getValue(), config::originOf));
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

    /** The name becomes a folder name under results/: a plain name, never a path. */
    private static String experimentName(ComposedConfig config, Object v) {
        if (!(v instanceof String s) || !s.matches("[A-Za-z0-9._-]{1,100}") || s.equals(".") || s.equals("..")) {
            throw config.error("name", v, "must be a plain name of 1 to 100 letters, digits, '-', '_' or '.' "
                    + "(not '.' or '..'): it names the output folder results/NAME-TIMESTAMP");
        }
        return s;
    }

    private static String stripExt(String f) {
        int dot = f.lastIndexOf('.');
        return dot > 0 ? f.substring(0, dot) : f;
    }
}
