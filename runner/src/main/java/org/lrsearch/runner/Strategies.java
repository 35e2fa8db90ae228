package org.lrsearch.runner;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.lrsearch.api.InvalidOptionException;
import org.lrsearch.api.LrStrategy;
import org.lrsearch.api.LrStrategyPlugin;

/** Builds LR strategies, nested ones included, from config specs ({@code plugin} + options). */
public final class Strategies {
    private final Map<String, LrStrategyPlugin<?>> plugins;

    public Strategies(Map<String, LrStrategyPlugin<?>> plugins) {
        this.plugins = plugins;
    }

    /**
     * @param key      where the spec sits, e.g. {@code strategies.H1}
     * @param spec     the spec map
     * @param originOf which file set a dotted key
     */
    public LrStrategy build(String key, Object spec, Function<String, String> originOf) {
        if (!(spec instanceof Map<?, ?> raw)) {
            throw new ConfigException(originOf.apply(key), key, spec,
                    "must be a mapping with a 'plugin' key (one of: " + String.join(", ", plugins.keySet()) + ")");
        }
        Map<String, Object> options = new LinkedHashMap<>(Yaml.map(raw));
        Object id = options.remove("plugin");
        LrStrategyPlugin<?> plugin = plugin(key + ".plugin", id, originOf);
        Record bound = OptionsBinder.bind(plugin.optionsType(), options, key, originOf);
        try {
            return create(plugin, bound, (k, sub) -> build(key + "." + k, sub, originOf));
        } catch (InvalidOptionException e) {
            String k = key + "." + e.key();
            throw new ConfigException(originOf.apply(k), k, e.value(), e.getMessage());
        }
    }

    /** The plugin a spec names, or a clear error listing the known ids. */
    public LrStrategyPlugin<?> plugin(String key, Object id, Function<String, String> originOf) {
        if (id == null) {
            throw new ConfigException(originOf.apply(key), key, null,
                    "missing: name the strategy plugin, one of: " + String.join(", ", plugins.keySet()));
        }
        LrStrategyPlugin<?> p = plugins.get(String.valueOf(id));
        if (p == null) {
            throw new ConfigException(originOf.apply(key), key, id, "unknown strategy plugin"
                    + OptionsBinder.didYouMean(String.valueOf(id), plugins.keySet())
                    + "; known: " + String.join(", ", plugins.keySet()));
        }
        return p;
    }

    /** The spec with its options normalised through the plugin's record (defaults filled in). */
    public Map<String, Object> normalise(String key, Map<String, Object> spec, Function<String, String> originOf) {
        Map<String, Object> options = new LinkedHashMap<>(spec);
        Object id = options.remove("plugin");
        LrStrategyPlugin<?> plugin = plugin(key + ".plugin", id, originOf);
        Record bound = OptionsBinder.bind(plugin.optionsType(), options, key, originOf);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("plugin", plugin.id());
        out.putAll(Yaml.map(Yaml.JSON.convertValue(bound, Map.class)));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static <O extends Record> LrStrategy create(LrStrategyPlugin<O> p, Record options,
                                                        org.lrsearch.api.StrategyFactory f) {
        return p.create((O) options, f);
    }
}
