package org.lrsearch.runner.plugins;

import java.util.Map;
import java.util.function.Function;
import org.lrsearch.api.InvalidOptionException;
import org.lrsearch.api.LrStrategy;
import org.lrsearch.api.LrStrategyPlugin;
import org.lrsearch.runner.config.ConfigException;

/** Builds LR strategies, nested ones included, from config specs ({@code plugin} + options). */
public final class Strategies {
    private final PluginSpecs<LrStrategyPlugin<?>> specs;

    public Strategies(Map<String, LrStrategyPlugin<?>> plugins) {
        this.specs = new PluginSpecs<>("strategy", plugins);
    }

    /**
     * @param key      where the spec sits, e.g. {@code strategies.H1}
     * @param spec     the spec map
     * @param originOf which file set a dotted key
     */
    public LrStrategy build(String key, Object spec, Function<String, String> originOf) {
        BoundPlugin<LrStrategyPlugin<?>> b = specs.bind(key, spec, originOf);
        return create(key, b, (k, sub) -> build(key + "." + k, sub, originOf), originOf);
    }

    /** The plugin a spec names, or a clear error listing the known ids. */
    public LrStrategyPlugin<?> plugin(String key, Object id, Function<String, String> originOf) {
        return specs.plugin(key, id, originOf);
    }

    /**
     * The spec with its options normalised through the plugin's record, defaults filled in, nested
     * specs (a searcher's {@code then}) included: equivalent configs normalise to the same map and so
     * to the same run ids. Validates as {@link #build} does.
     */
    public Map<String, Object> normalise(String key, Object spec, Function<String, String> originOf) {
        BoundPlugin<LrStrategyPlugin<?>> b = specs.bind(key, spec, originOf);
        Map<String, Object> out = PluginSpecs.normalised(b);
        // The plugin itself says which options are strategy specs: those it asks the factory to build.
        create(key, b, (k, sub) -> {
            out.put(k, normalise(key + "." + k, sub, originOf));
            return build(key + "." + k, sub, originOf);
        }, originOf);
        return out;
    }

    private static LrStrategy create(String key, BoundPlugin<LrStrategyPlugin<?>> b, org.lrsearch.api.StrategyFactory f,
                                     Function<String, String> originOf) {
        try {
            return BoundPlugin.create(b, f);
        } catch (InvalidOptionException e) {
            String k = key + "." + e.key();
            throw new ConfigException(originOf.apply(k), k, e.value(), e.getMessage());
        }
    }
}
