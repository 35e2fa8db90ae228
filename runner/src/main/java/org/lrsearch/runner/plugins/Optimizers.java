package org.lrsearch.runner.plugins;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.lrsearch.api.Optimizer;
import org.lrsearch.api.OptimizerPlugin;
import org.lrsearch.runner.config.ConfigException;
import org.lrsearch.runner.config.Mappers;
import org.lrsearch.runner.config.OptionsBinder;

/** Builds optimizers from config specs ({@code plugin} + options), as {@link Strategies} builds strategies. */
public final class Optimizers {
    /** The optimizer of a run whose config names none: plain SGD, the paper's. */
    public static final Map<String, Object> DEFAULT_SPEC = Map.of("plugin", "sgd");

    private final Map<String, OptimizerPlugin<?>> plugins;

    public Optimizers(Map<String, OptimizerPlugin<?>> plugins) {
        this.plugins = plugins;
    }

    /** A fresh optimizer, with its initial state, for one run. */
    public Optimizer build(String key, Object spec, Function<String, String> originOf) {
        return BoundPlugin.create(bind(key, spec, originOf));
    }

    /** The spec with its options normalised through the plugin's record, defaults filled in; validates. */
    public Map<String, Object> normalise(String key, Object spec, Function<String, String> originOf) {
        BoundPlugin<OptimizerPlugin<?>> b = bind(key, spec, originOf);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("plugin", b.id());
        out.putAll(Mappers.map(Mappers.JSON.convertValue(b.options(), Map.class)));
        return out;
    }

    private BoundPlugin<OptimizerPlugin<?>> bind(String key, Object spec, Function<String, String> originOf) {
        if (!(spec instanceof Map<?, ?> raw)) {
            throw new ConfigException(originOf.apply(key), key, spec,
                    "must be a mapping with a 'plugin' key (one of: " + String.join(", ", plugins.keySet()) + ")");
        }
        Map<String, Object> options = new LinkedHashMap<>(Mappers.map(raw));
        OptimizerPlugin<?> plugin = plugin(key + ".plugin", options.remove("plugin"), originOf);
        return new BoundPlugin<>(plugin, OptionsBinder.bind(plugin.optionsType(), options, key, originOf));
    }

    /** The plugin a spec names, or a clear error listing the known ids. */
    public OptimizerPlugin<?> plugin(String key, Object id, Function<String, String> originOf) {
        OptimizerPlugin<?> p = id == null ? null : plugins.get(String.valueOf(id));
        if (p == null) {
            throw new ConfigException(originOf.apply(key), key, id, (id == null ? "missing: name the optimizer plugin"
                    : "unknown optimizer plugin" + OptionsBinder.didYouMean(String.valueOf(id), plugins.keySet()))
                    + "; known: " + String.join(", ", plugins.keySet()));
        }
        return p;
    }
}
