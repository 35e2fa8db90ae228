package org.lrsearch.strategies;

import java.util.Map;
import org.lrsearch.api.BoundedStrategy;
import org.lrsearch.api.InvalidOptionException;
import org.lrsearch.api.LrStrategy;
import org.lrsearch.api.LrStrategyPlugin;
import org.lrsearch.api.Option;
import org.lrsearch.api.StepContext;
import org.lrsearch.api.StrategyFactory;

/**
 * {@code warmup}: a linear ramp η_u = base·(u + 1)/steps for its first {@code steps} steps, then it
 * hands base as δ to {@code then} for the rest of the run (docs/STRATEGIES.md, "Schedules").
 */
public final class WarmupPlugin implements LrStrategyPlugin<WarmupPlugin.Options> {

    /** Options of {@code warmup}. */
    public record Options(
            @Option(description = "the rate the ramp reaches alone (under a bound: δ)", defaultValue = "0.1") Double lr,
            @Option(description = "steps of the ramp", defaultValue = "100") Integer steps,
            @Option(description = "the strategy that receives the rate after the ramp", defaultValue = "{plugin: fixed}")
            Map<String, Object> then) {
        public Options {
            lr = SchedulePlugins.base(lr);
            InvalidOptionException.require(steps >= 1, "steps", steps, "must be at least 1");
        }
    }

    @Override public String id() { return "warmup"; }
    @Override public String description() { return "linear warm-up to lr (or δ) over `steps`, then hands it to `then`"; }
    @Override public Class<Options> optionsType() { return Options.class; }

    @Override
    public LrStrategy create(Options o, StrategyFactory strategies) {
        BoundedStrategy then = Successor.of(strategies, o.then());
        return new BoundedStrategy() {
            private double base = o.lr();
            private int u;

            @Override
            public void acceptBound(double delta) {
                base = delta;
            }

            @Override
            public void step(StepContext context) {
                if (u < o.steps()) {
                    context.commit(base * (u + 1) / o.steps());
                    if (++u == o.steps()) {
                        then.acceptBound(base);
                    }
                    return;
                }
                then.step(context);
            }

            @Override
            public java.util.Map<String, Double> results() {
                return then.results();
            }
        };
    }
}
