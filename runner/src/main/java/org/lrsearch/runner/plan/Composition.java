package org.lrsearch.runner.plan;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lrsearch.api.LrStrategyPlugin;
import org.lrsearch.runner.config.ComposedConfig;
import org.lrsearch.runner.config.Mappers;
import org.lrsearch.runner.plugins.Optimizers;
import org.lrsearch.runner.plugins.Strategies;

/**
 * The composition rule of docs/OPTIMIZERS.md: a strategy derived for θ − η·g alone (armijo, sps,
 * hypergradient, d-adaptation, dog; {@link LrStrategyPlugin#plainSgdOnly}), also as a searcher's
 * {@code then}, runs on plain SGD only. Checked for every strategy × optimizer pair a plan uses, before
 * any run.
 */
final class Composition {
    private Composition() {
    }

    static void check(ComposedConfig config, List<PlannedRun> runs, Strategies strategies, Optimizers optimizers) {
        Set<List<String>> seen = new HashSet<>();
        for (PlannedRun r : runs) {
            if (!seen.add(List.of(r.strategyKey(), r.optimizerKey()))) {
                continue;
            }
            boolean plain = optimizers.build(r.optimizerKey(), r.optimizerSpec(), config::originOf).plainSgd();
            if (!plain) {
                refuseSgdOnly(config, r.strategyKey(), r.strategySpec(), r, strategies);
            }
        }
    }

    private static void refuseSgdOnly(ComposedConfig config, String key, Map<String, Object> spec, PlannedRun r,
                                      Strategies strategies) {
        LrStrategyPlugin<?> p = strategies.plugin(key + ".plugin", spec.get("plugin"), config::originOf);
        if (p.plainSgdOnly()) {
            String optimizer = String.valueOf(r.optimizerSpec().get("plugin"));
            throw config.error(r.optimizerKey(), optimizer, key + " (strategy " + p.id() + ") cannot run with "
                    + r.optimizerKey() + " (optimizer " + optimizer + "): " + p.id()
                    + " is derived for plain SGD steps θ − η·g and accepts only the optimizer sgd; give it "
                    + "an optimizer with plugin: sgd, or leave it out of this optimizer's runs");
        }
        for (var e : spec.entrySet()) {
            if (e.getValue() instanceof Map<?, ?> m && m.get("plugin") instanceof String) {
                refuseSgdOnly(config, key + "." + e.getKey(), Mappers.map(m), r, strategies);
            }
        }
    }
}
