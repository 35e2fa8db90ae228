package org.lrsearch.api;

import java.util.Map;

/**
 * Builds nested strategies (e.g. a searcher's {@code then}) from their config sections.
 *
 * @since 0.1
 */
public interface StrategyFactory {

    /**
     * Creates the strategy described by {@code spec}, a map with a {@code plugin} id and that
     * plugin's options.
     *
     * @param key the option that holds the spec, e.g. {@code then}, for error messages
     * @throws InvalidOptionException on an unknown plugin id or bad options
     */
    LrStrategy create(String key, Map<String, Object> spec);
}
