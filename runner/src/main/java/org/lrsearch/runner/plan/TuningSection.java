package org.lrsearch.runner.plan;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lrsearch.runner.config.ComposedConfig;
import org.lrsearch.runner.config.ConfigException;
import org.lrsearch.runner.config.Mappers;
import org.lrsearch.runner.config.OptionsBinder;
import org.lrsearch.runner.plugins.Strategies;

/** Reads and checks the {@code tuning:} block before any run: every problem is exit 2 naming its key. */
final class TuningSection {
    private TuningSection() {
    }

    /** The block, or null when the config has none. */
    static Tuning read(ComposedConfig config, Map<String, Map<String, Object>> specs, Strategies strategies,
                       List<Long> evaluationSeeds) {
        Object raw = config.tree().get("tuning");
        if (raw == null) {
            return null;
        }
        if (!(raw instanceof Map<?, ?> m)) {
            throw config.error("tuning", raw, "must be a mapping with keys " + String.join(", ", Tuning.KEYS));
        }
        Map<String, Object> t = Mappers.map(m);
        for (String k : t.keySet()) {
            if (!Tuning.KEYS.contains(k)) {
                throw config.error("tuning." + k, t.get(k), "unknown key" + OptionsBinder.didYouMean(k, Tuning.KEYS)
                        + "; valid keys: " + String.join(", ", Tuning.KEYS));
            }
        }
        if (!(t.get("budget") instanceof Integer budget) || budget < 1 || budget > 10_000) {
            throw config.error("tuning.budget", t.get("budget"), "must be a whole number of candidates between 1 and 10000");
        }
        String sampler = choice(config, "tuning.sampler", t.getOrDefault("sampler", "sobol"), Tuning.SAMPLERS);
        String objective = choice(config, "tuning.objective", t.getOrDefault("objective", "validation-accuracy"),
                Tuning.OBJECTIVES);
        List<Long> seeds = seeds(config, t.getOrDefault("seeds", 2), evaluationSeeds);
        Object compare = t.getOrDefault("compareDefaults", false);
        if (!(compare instanceof Boolean)) {
            throw config.error("tuning.compareDefaults", compare, "must be true or false");
        }
        if (!(t.get("space") instanceof Map<?, ?> space) || space.isEmpty()) {
            throw config.error("tuning.space", t.get("space"), "must map strategy labels to their ranges, e.g. "
                    + "space: {\"0.1\": {lr: {log: [0.001, 10]}}}");
        }
        Map<String, List<Tuning.Range>> ranges = new LinkedHashMap<>();
        for (var e : Mappers.map(space).entrySet()) {
            String key = "tuning.space." + e.getKey();
            if (!specs.containsKey(e.getKey())) {
                throw config.error(key, null, "no such strategy label" + OptionsBinder.didYouMean(e.getKey(), specs.keySet())
                        + "; labels: " + String.join(", ", specs.keySet()));
            }
            ranges.put(e.getKey(), ranges(config, key, e.getValue(), specs.get(e.getKey()), strategies, sampler, budget));
        }
        return new Tuning(budget, sampler, seeds, objective, ranges, (Boolean) compare);
    }

    private static String choice(ComposedConfig config, String key, Object v, List<String> valid) {
        if (!valid.contains(String.valueOf(v))) {
            throw config.error(key, v, "must be one of: " + String.join(", ", valid));
        }
        return String.valueOf(v);
    }

    /** A count (seeds after the largest evaluation seed) or a list disjoint from the evaluation seeds. */
    private static List<Long> seeds(ComposedConfig config, Object raw, List<Long> evaluation) {
        List<Long> out = new ArrayList<>();
        if (raw instanceof Integer n && n >= 1 && n <= 1000) {
            long first = evaluation.stream().mapToLong(Long::longValue).max().orElse(-1) + 1;
            for (int i = 0; i < n; i++) {
                out.add(first + i);
            }
            return out;
        }
        if (raw instanceof List<?> l && !l.isEmpty()) {
            for (Object o : l) {
                if (!(o instanceof Integer || o instanceof Long) || out.contains(((Number) o).longValue())) {
                    throw config.error("tuning.seeds", raw, "must list distinct whole numbers");
                }
                if (evaluation.contains(((Number) o).longValue())) {
                    throw config.error("tuning.seeds", raw, "seed " + o + " is also an evaluation seed (seeds: "
                            + evaluation + "): tuning never uses an evaluation seed");
                }
                out.add(((Number) o).longValue());
            }
            return out;
        }
        throw config.error("tuning.seeds", raw, "must be a count between 1 and 1000 or a non-empty list of seeds");
    }

    private static List<Tuning.Range> ranges(ComposedConfig config, String key, Object raw, Map<String, Object> spec,
                                             Strategies strategies, String sampler, int budget) {
        if (!(raw instanceof Map<?, ?> m) || m.isEmpty()) {
            throw config.error(key, raw, "must map option names to ranges, e.g. {lr: {log: [0.001, 10]}}");
        }
        Class<? extends Record> type = strategies.plugin(key, spec.get("plugin"), config::originOf).optionsType();
        List<String> names = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
        List<Tuning.Range> out = new ArrayList<>();
        int gridSize = 1;
        for (var e : Mappers.map(m).entrySet()) {
            String k = key + "." + e.getKey();
            if (!names.contains(e.getKey())) {
                throw config.error(k, null, "unknown option of strategy plugin " + spec.get("plugin")
                        + OptionsBinder.didYouMean(e.getKey(), names) + "; its options: " + String.join(", ", names));
            }
            Class<?> c = Arrays.stream(type.getRecordComponents()).filter(r -> r.getName().equals(e.getKey())).findFirst()
                    .orElseThrow().getType();
            Tuning.Range r = range(config, k, e.getKey(), e.getValue(), c == Integer.class || c == Long.class);
            if (r.kind().equals("grid") != sampler.equals("grid")) {
                throw config.error(k, e.getValue(), sampler.equals("grid") ? "sampler: grid takes `grid: [values]` ranges"
                        : "a `grid` range needs sampler: grid");
            }
            gridSize *= r.kind().equals("grid") ? r.values().size() : 1;
            out.add(r);
        }
        if (sampler.equals("grid") && gridSize != budget) {
            throw config.error("tuning.budget", budget, "must equal the size of the grid of " + key + " (" + gridSize
                    + " candidates) with sampler: grid");
        }
        checkValues(config, key, spec, out, strategies);
        return out;
    }

    private static Tuning.Range range(ComposedConfig config, String key, String option, Object raw, boolean integer) {
        if (!(raw instanceof Map<?, ?> m) || m.size() != 1 || !Tuning.KINDS.contains(String.valueOf(m.keySet().iterator().next()))) {
            throw config.error(key, raw, "must be one of {log: [a, b]}, {linear: [a, b]}, {choice: [values]}, {grid: [values]}");
        }
        String kind = String.valueOf(m.keySet().iterator().next());
        String k = key + "." + kind;
        if (!(m.values().iterator().next() instanceof List<?> l) || l.isEmpty()) {
            throw config.error(k, m.get(kind), "must be a non-empty list");
        }
        List<Object> values = new ArrayList<>(l);
        if (kind.equals("log") || kind.equals("linear")) {
            if (values.size() != 2 || !(values.get(0) instanceof Number a) || !(values.get(1) instanceof Number b)
                    || !(a.doubleValue() < b.doubleValue())) {
                throw config.error(k, l, "must be two numbers [a, b] with a < b");
            }
            if (kind.equals("log") && !(a.doubleValue() > 0)) {
                throw config.error(k, l, "a log range needs bounds > 0");
            }
        }
        return new Tuning.Range(option, kind, values, integer);
    }

    /**
     * Each range's end values (every value of a choice or grid) must be accepted by the plugin with the
     * strategy as written, or with the other tuned options at some end of theirs (α's lower end is valid
     * once β is low enough): a value no combination accepts is outside the option's valid values.
     */
    private static void checkValues(ComposedConfig config, String key, Map<String, Object> spec, List<Tuning.Range> ranges,
                                    Strategies strategies) {
        for (Tuning.Range r : ranges) {
            List<Object> ends = r.kind().equals("log") || r.kind().equals("linear")
                    ? List.of(r.at(0), r.integer() ? r.at(0.999999) : r.values().get(1)) : r.values();
            for (Object v : ends) {
                List<Map<String, Object>> others = new ArrayList<>(List.of(new LinkedHashMap<>()));
                for (Tuning.Range o : ranges) {
                    if (o != r) {
                        List<Map<String, Object>> next = new ArrayList<>();
                        List<Object> oe = o.kind().equals("log") || o.kind().equals("linear")
                                ? List.of(o.values().get(0), o.values().get(1)) : o.values();
                        for (Map<String, Object> c : others) {
                            for (Object x : oe) {
                                Map<String, Object> n = new LinkedHashMap<>(c);
                                n.put(o.option(), x);
                                next.add(n);
                            }
                        }
                        others = next.size() > 64 ? next.subList(0, 64) : next;
                    }
                }
                ConfigException last = null;
                boolean accepted = false;
                for (Map<String, Object> c : others) {
                    Map<String, Object> candidate = new LinkedHashMap<>(spec);
                    candidate.putAll(c);
                    candidate.put(r.option(), v);
                    try {
                        strategies.normalise(key, candidate, k -> config.originOf("tuning"));
                        accepted = true;
                        break;
                    } catch (ConfigException e) {
                        last = e;
                    }
                }
                if (!accepted) {
                    throw config.error(key + "." + r.option(), v, "is outside the option's valid values: "
                            + last.getMessage().replaceFirst("^.*?: key '[^']*'( = '[^']*')?: ", ""));
                }
            }
        }
    }
}
