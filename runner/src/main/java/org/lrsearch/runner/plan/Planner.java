package org.lrsearch.runner.plan;

import com.google.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.lrsearch.api.DatasetPlugin;
import org.lrsearch.api.LrStrategyPlugin;
import org.lrsearch.api.ModelPlugin;
import org.lrsearch.api.OptimizerPlugin;
import org.lrsearch.api.Plugin;
import org.lrsearch.api.ReporterPlugin;
import org.lrsearch.runner.config.ComposedConfig;
import org.lrsearch.runner.config.ConfigException;
import org.lrsearch.runner.config.Mappers;
import org.lrsearch.runner.plugins.Registry;
import org.lrsearch.runner.config.OptionsBinder;
import org.lrsearch.runner.plugins.BoundPlugin;
import org.lrsearch.runner.plugins.Optimizers;
import org.lrsearch.runner.plugins.Strategies;

/**
 * Turns a composed config into a validated {@link ExperimentPlan}: checks every key, value and
 * plugin id, expands {@code grid} ({@link Grid}) and {@code seeds}, resolves each run
 * ({@link RunResolver}) and checks data and templates before anything runs ({@link Preflight}).
 * Nothing is written here; any problem is a {@link ConfigException}.
 */
public final class Planner {
    static final List<String> TOP_KEYS = List.of("name", "description", "dataset", "model", "training", "strategy",
            "strategies", "optimizer", "optimizers", "seeds", "grid", "reporters", "report", "tuning");
    static final List<String> REPORT_KEYS = List.of("title", "reference", "templates", "baseline", "columns", "target",
            "profileMax");
    /**
     * The plugins a config gets when it names none: the one place such defaults live. A config that
     * uses other plugins names them ({@code dataset.plugin}, {@code model.plugin}, {@code reporters}).
     */
    public static final String DEFAULT_DATASET = "mnist";
    public static final String DEFAULT_MODEL = "two-layer-net";
    public static final String DEFAULT_REPORTER = "csv";

    private final Map<String, ReporterPlugin<?>> reporters;
    private final Strategies strategies;
    private final Optimizers optimizers;
    private final RunResolver resolver;

    @Inject
    public Planner(Map<String, DatasetPlugin<?>> datasets, Map<String, ModelPlugin<?>> models,
                   Map<String, LrStrategyPlugin<?>> strategyPlugins, Map<String, OptimizerPlugin<?>> optimizerPlugins,
                   Map<String, ReporterPlugin<?>> reporters) {
        this.reporters = new TreeMap<>(reporters);
        this.strategies = new Strategies(new TreeMap<>(strategyPlugins));
        this.optimizers = new Optimizers(new TreeMap<>(optimizerPlugins));
        this.resolver = new RunResolver(new TreeMap<>(datasets), new TreeMap<>(models));
    }

    public Strategies strategies() {
        return strategies;
    }

    public Optimizers optimizers() {
        return optimizers;
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

    /** Validates {@code config} and expands it, checking data as {@code data} says. */
    public ExperimentPlan plan(ComposedConfig config, DataCheck data) {
        return plan(config, data, Map.of());
    }

    /**
     * As {@link #plan(ComposedConfig, DataCheck)}, with the tuning winners known so far (label and setting,
     * {@link StudyRuns#key}, → winning options): their evaluation runs are planned too.
     */
    public ExperimentPlan plan(ComposedConfig config, DataCheck data, Map<String, Map<String, Object>> winners) {
        Map<String, Object> tree = config.tree();
        for (String k : tree.keySet()) {
            if (!TOP_KEYS.contains(k)) {
                throw config.error(k, null, "unknown key" + OptionsBinder.didYouMean(k, TOP_KEYS)
                        + "; valid top-level keys: " + String.join(", ", TOP_KEYS));
            }
        }
        String name = tree.containsKey("name") ? experimentName(config, tree.get("name"))
                : stripExt(config.file().getFileName().toString()).replaceAll("[^A-Za-z0-9._-]", "-");
        Map<String, String> pins = new LinkedHashMap<>();
        Map<String, Map<String, Object>> strategySpecs = MethodSections.strategies(config, strategies, pins);
        Map<String, Map<String, Object>> optimizerSpecs = MethodSections.optimizers(config, optimizers, pins);
        List<Long> seeds = seeds(config, tree.get("seeds"));
        Map<String, List<Object>> grid = Grid.read(config, new ArrayList<>(strategySpecs.keySet()),
                new ArrayList<>(optimizerSpecs.keySet()));
        List<String> swept = List.copyOf(grid.keySet());
        List<ExperimentPlan.Reporter> reporterList = reporters(config, tree.get("reporters"));
        Map<String, Object> report = report(config, tree.get("report"));
        if (report.containsKey("columns") && !swept.contains(report.get("columns"))) {
            throw config.error("report.columns", report.get("columns"), "must be a swept key; the grid sweeps: "
                    + String.join(", ", swept));
        }

        Map<String, Object> base = Mappers.map(Mappers.deepCopy(tree));
        for (String k : List.of("grid", "seeds", "reporters", "report", "strategies", "optimizers", "name", "description",
                "tuning")) {
            base.remove(k);
        }
        Tuning tuning = TuningSection.read(config, strategySpecs, strategies, seeds);
        StudyRuns study = new StudyRuns(resolver, strategies, strategySpecs, optimizerSpecs, seeds, swept, tuning, winners);
        for (Map<String, Object> cell : Grid.cells(grid)) {
            // A strategy pinned to an optimizer runs once per cell of the other keys, on its own optimizer.
            String pin = pins.get(String.valueOf(cell.getOrDefault("strategy", tree.get("strategy"))));
            if (pin != null && grid.containsKey("optimizer") && !grid.get("optimizer").get(0).equals(cell.get("optimizer"))) {
                continue;
            }
            Map<String, Object> cellTree = Mappers.map(Mappers.deepCopy(base));
            cell.forEach((k, v) -> ComposedConfig.setPath(cellTree, k, Mappers.deepCopy(v), null, null));
            if (pin != null) {
                cellTree.put("optimizer", pin);
            }
            Function<String, String> originOf = key -> {
                String g = Grid.sweptBy(swept, key);
                return config.originOf(g == null ? key : "grid." + g);
            };
            try {
                study.addCell(cell, cellTree, originOf);
            } catch (ConfigException e) {
                throw Grid.blame(config, swept, e);
            }
        }
        List<PlannedRun> runs = study.runs;
        if (tuning != null && tuning.objective().equals("validation-accuracy")
                && runs.stream().anyMatch(r -> r.request().validation() == 0)) {
            throw config.error("tuning.objective", tuning.objective(), "needs a validation set: set dataset.validation"
                    + " (images per class), or choose objective: final-train-loss");
        }
        Composition.check(config, runs, strategies, optimizers);
        Set<String> methods = new java.util.LinkedHashSet<>();
        runs.forEach(r -> methods.add(r.spec().strategy()));
        // 'all' compares every pair of methods, Holm-adjusted over all of them.
        if (report.containsKey("baseline") && !"all".equals(report.get("baseline"))
                && !methods.contains(report.get("baseline"))) {
            throw config.error("report.baseline", report.get("baseline"), "must be a strategy label or 'all'"
                    + OptionsBinder.didYouMean(String.valueOf(report.get("baseline")), methods)
                    + "; labels: " + String.join(", ", methods) + ", or all");
        }
        Set<String> ids = new HashSet<>();
        for (PlannedRun r : runs) {
            if (!ids.add(r.spec().runId())) {
                throw config.error("grid", null, "two runs resolve to the same config (run id " + r.spec().runId()
                        + "): a grid list repeats a value");
            }
        }
        List<String> notices = new ArrayList<>(config.notices());
        if (data != DataCheck.NONE) {
            notices.addAll(Preflight.data(config, runs, data == DataCheck.FETCH));
        }
        Preflight.reporters(reporterList, report);
        return new ExperimentPlan(name, config, runs, reporterList, report, seeds, strategySpecs, notices,
                identity(tree, runs), tuning, study.trials, study.pending, winners);
    }

    private PlanIdentity identity(Map<String, Object> tree, List<PlannedRun> runs) {
        Map<String, String> versions = new TreeMap<>();
        for (PlannedRun r : runs) {
            versions.put("dataset:" + r.dataset().id(), Registry.fingerprint(r.dataset().plugin()));
            versions.put("model:" + r.model().id(), Registry.fingerprint(r.model().plugin()));
            strategyPlugins(r.strategySpec(), versions);
            // A config without optimizers: its fingerprint as before they existed (plain SGD, named nowhere).
            if (!r.optimizerKey().equals(RunResolver.DEFAULT_OPTIMIZER_KEY)) {
                var p = optimizers.plugin("optimizer.plugin", r.optimizerSpec().get("plugin"), k -> "plan");
                versions.put("optimizer:" + p.id(), Registry.fingerprint(p));
            }
        }
        return PlanIdentity.of(tree, runs.stream().map(r -> r.spec().runId()).toList(), versions,
                runs.isEmpty() ? Map.of() : runs.get(0).resolved());
    }

    /** Every strategy plugin a normalised spec uses, nested ones included. */
    private void strategyPlugins(Map<String, Object> spec, Map<String, String> versions) {
        var p = strategies.plugin("strategy.plugin", spec.get("plugin"), k -> "plan");
        versions.put("strategy:" + p.id(), Registry.fingerprint(p));
        for (Object v : spec.values()) {
            if (v instanceof Map<?, ?> m && m.get("plugin") instanceof String) {
                strategyPlugins(Mappers.map(m), versions);
            }
        }
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

    private List<ExperimentPlan.Reporter> reporters(ComposedConfig config, Object raw) {
        List<Object> items = raw == null ? List.of(DEFAULT_REPORTER) : raw instanceof List<?> l ? new ArrayList<>(l) : null;
        if (items == null) {
            throw config.error("reporters", raw, "must be a list of reporter ids or {plugin: id, ...} mappings; known: "
                    + String.join(", ", reporters.keySet()));
        }
        List<ExperimentPlan.Reporter> out = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            Object item = items.get(i);
            String key = "reporters[" + i + "]";
            Map<String, Object> spec = item instanceof Map<?, ?> m ? new LinkedHashMap<>(Mappers.map(m))
                    : new LinkedHashMap<>(Map.of("plugin", String.valueOf(item)));
            Object id = spec.remove("plugin");
            ReporterPlugin<?> p = pick("reporter", id, reporters, k -> config.originOf("reporters"), key + ".plugin");
            if (!used.add(p.id())) {
                throw config.error("reporters", id, "reporter '" + p.id() + "' is listed twice");
            }
            Record options = OptionsBinder.bind(p.optionsType(), spec, key, k -> config.originOf("reporters"));
            Map<String, Object> normal = new LinkedHashMap<>(spec);
            normal.put("plugin", p.id());
            out.add(new ExperimentPlan.Reporter(new BoundPlugin<>(p, options), normal));
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
        for (var e : Mappers.map(m).entrySet()) {
            String key = "report." + e.getKey();
            if (!REPORT_KEYS.contains(e.getKey())) {
                throw config.error(key, e.getValue(), "unknown key" + OptionsBinder.didYouMean(e.getKey(), REPORT_KEYS)
                        + "; valid keys: " + String.join(", ", REPORT_KEYS));
            }
            if (e.getKey().equals("target") || e.getKey().equals("profileMax")) {
                out.put(e.getKey(), ReportKeys.profileOption(config, key, e.getValue()));
                continue;
            }
            if (!(e.getValue() instanceof String s) || s.isBlank()) {
                throw config.error(key, e.getValue(), "must be a non-empty string");
            }
            if (List.of("title", "baseline", "columns").contains(e.getKey())) {
                out.put(e.getKey(), s);
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

    /** The plugin {@code id} names ({@code dflt} when it names none), or an error listing the known ids. */
    static <T extends Plugin<?>> T pick(String kind, Object id, String dflt, Map<String, T> known,
                                        Function<String, String> originOf) {
        return pick(kind, id == null ? dflt : id, known, originOf, kind + ".plugin");
    }

    private static <T extends Plugin<?>> T pick(String kind, Object id, Map<String, T> known,
                                                Function<String, String> originOf, String key) {
        T p = id == null ? null : known.get(String.valueOf(id));
        if (p == null) {
            throw new ConfigException(originOf.apply(key), key, id, (id == null ? "missing" : "unknown " + kind + " plugin"
                    + OptionsBinder.didYouMean(String.valueOf(id), known.keySet())) + "; known: "
                    + String.join(", ", known.keySet()));
        }
        return p;
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
