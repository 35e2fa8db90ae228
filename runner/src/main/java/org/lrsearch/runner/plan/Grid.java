package org.lrsearch.runner.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lrsearch.runner.config.ComposedConfig;
import org.lrsearch.runner.config.ConfigException;
import org.lrsearch.runner.config.Mappers;
import org.lrsearch.runner.config.OptionsBinder;

/**
 * The {@code grid} section: dotted key → list of values, expanded to the Cartesian product, first
 * key outermost. Keys are {@code strategy}, {@code optimizer} or dotted keys under dataset, model or training.
 */
final class Grid {
    static final List<String> SECTIONS = List.of("dataset", "model", "training", "strategy", "optimizer");
    /** Grid keys that name a label (of {@code strategies:}, {@code optimizers:}) rather than a dotted option. */
    static final List<String> LABEL_KEYS = List.of("strategy", "optimizer");

    private Grid() {
    }

    /**
     * The grid, validated; with no strategy chosen anywhere, every named strategy is swept, outermost, and
     * likewise every optimizer of an {@code optimizers:} section, next.
     */
    static Map<String, List<Object>> read(ComposedConfig config, List<String> strategyLabels, List<String> optimizerLabels) {
        Object raw = config.tree().get("grid");
        Map<String, List<Object>> out = new LinkedHashMap<>();
        if (raw != null && !(raw instanceof Map<?, ?>)) {
            throw config.error("grid", raw, "must map dotted keys to lists, e.g. grid: {training.batchSize: [2, 4, 8]}");
        }
        if (raw != null) {
            for (var e : Mappers.map(raw).entrySet()) {
                String key = "grid." + e.getKey();
                String section = e.getKey().split("\\.")[0];
                boolean label = LABEL_KEYS.contains(section);
                if (!SECTIONS.contains(section) || (LABEL_KEYS.contains(e.getKey()) != label)
                        || (!label && !e.getKey().contains("."))) {
                    throw config.error(key, null, "no such key to sweep" + OptionsBinder.didYouMean(e.getKey(),
                            List.of("strategy", "optimizer", "dataset.shots", "model.hidden", "training.batchSize",
                                    "training.iterations"))
                            + "; grid keys are `strategy`, `optimizer` or dotted keys under dataset, model or training");
                }
                if (!(e.getValue() instanceof List<?> l) || l.isEmpty()) {
                    throw config.error(key, e.getValue(), "must be a non-empty list of values");
                }
                out.put(e.getKey(), new ArrayList<>(l));
            }
        }
        Map<String, List<Object>> all = new LinkedHashMap<>();
        if (!out.containsKey("strategy") && !config.tree().containsKey("strategy")) {
            all.put("strategy", new ArrayList<>(strategyLabels));
        }
        if (!optimizerLabels.isEmpty() && !out.containsKey("optimizer") && !config.tree().containsKey("optimizer")) {
            all.put("optimizer", new ArrayList<>(optimizerLabels));
        }
        all.putAll(out);
        return all;
    }

    /** Every combination of the grid's values, first key outermost. */
    static List<Map<String, Object>> cells(Map<String, List<Object>> grid) {
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

    /** The grid key that set {@code key} (itself or a parent), or null when no grid entry did. */
    static String sweptBy(Iterable<String> swept, String key) {
        for (String g : swept) {
            if (key.equals(g) || key.startsWith(g + ".")) {
                return g;
            }
        }
        return null;
    }

    /** A bad value that a grid entry set, blamed on that entry ({@code grid.KEY}) where the user wrote it. */
    static ConfigException blame(ComposedConfig config, Iterable<String> swept, ConfigException e) {
        String g = e.key() == null ? null : sweptBy(swept, e.key());
        return g == null ? e : e.at(config.originOf("grid." + g), "grid." + e.key());
    }
}
