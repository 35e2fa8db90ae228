package org.lrsearch.runner.plugins;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.lrsearch.api.Plugin;
import org.lrsearch.runner.config.ConfigException;
import org.lrsearch.runner.config.Mappers;
import org.lrsearch.runner.config.OptionsBinder;

/**
 * A config spec of one plugin kind ({@code {plugin: ID, ...options}}, as under {@code strategies:} and
 * {@code optimizers:}): the plugin it names, or a clear error listing the known ids, and its options
 * bound and validated.
 */
final class PluginSpecs<P extends Plugin<?>> {
    private final String kind;
    private final Map<String, P> plugins;

    PluginSpecs(String kind, Map<String, P> plugins) {
        this.kind = kind;
        this.plugins = plugins;
    }

    /** A spec's plugin with its options bound: {@code plugin} names it, every other key is an option. */
    BoundPlugin<P> bind(String key, Object spec, Function<String, String> originOf) {
        if (!(spec instanceof Map<?, ?> raw)) {
            throw new ConfigException(originOf.apply(key), key, spec,
                    "must be a mapping with a 'plugin' key (one of: " + String.join(", ", plugins.keySet()) + ")");
        }
        Map<String, Object> options = new LinkedHashMap<>(Mappers.map(raw));
        P plugin = plugin(key + ".plugin", options.remove("plugin"), originOf);
        return new BoundPlugin<>(plugin, OptionsBinder.bind(plugin.optionsType(), options, key, originOf));
    }

    /** The plugin {@code id} names, or a clear error listing the known ids. */
    P plugin(String key, Object id, Function<String, String> originOf) {
        if (id == null) {
            throw new ConfigException(originOf.apply(key), key, null,
                    "missing: name the " + kind + " plugin, one of: " + String.join(", ", plugins.keySet()));
        }
        P p = plugins.get(String.valueOf(id));
        if (p == null) {
            throw new ConfigException(originOf.apply(key), key, id, "unknown " + kind + " plugin"
                    + OptionsBinder.didYouMean(String.valueOf(id), plugins.keySet())
                    + "; known: " + String.join(", ", plugins.keySet()));
        }
        return p;
    }

    /** The bound options as a map with {@code plugin} first: equivalent specs normalise alike. */
    static Map<String, Object> normalised(BoundPlugin<?> b) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("plugin", b.id());
        out.putAll(Mappers.map(Mappers.JSON.convertValue(b.options(), Map.class)));
        for (java.lang.reflect.RecordComponent rc : b.options().getClass().getRecordComponents()) {
            org.lrsearch.api.Option o = rc.getAnnotation(org.lrsearch.api.Option.class);
            if (o != null && o.omitDefaultFromRunId()
                    && java.util.Objects.equals(out.get(rc.getName()), org.lrsearch.api.OptionDefaults.of(rc))) {
                out.remove(rc.getName());
            }
        }
        return out;
    }
}
