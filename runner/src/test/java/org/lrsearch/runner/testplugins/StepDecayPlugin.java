package org.lrsearch.runner.testplugins;

import org.lrsearch.api.BoundedStrategy;
import org.lrsearch.api.InvalidOptionException;
import org.lrsearch.api.LrStrategy;
import org.lrsearch.api.LrStrategyPlugin;
import org.lrsearch.api.Option;
import org.lrsearch.api.StepContext;
import org.lrsearch.api.StrategyFactory;

/**
 * A strategy plugin that only the tests put on the class path: step decay below a bound. It shows
 * that a plugin outside the bundled jars is discovered, configured, composed under a searcher and run.
 */
public final class StepDecayPlugin implements LrStrategyPlugin<StepDecayPlugin.Options> {

    /** Options: halve every {@code every} iterations, starting from {@code lr} or the bound. */
    public record Options(
            @Option(description = "start rate when used alone", defaultValue = "0.1") Double lr,
            @Option(description = "iterations between halvings", defaultValue = "100") Integer every) {
        public Options {
            lr = lr == null ? 0.1 : lr;
            every = every == null ? 100 : every;
            InvalidOptionException.require(every >= 1, "every", every, "must be at least 1");
        }
    }

    @Override
    public String id() {
        return "test-step-decay";
    }

    @Override
    public String description() {
        return "halves the rate every N iterations (test plugin)";
    }

    @Override
    public Class<Options> optionsType() {
        return Options.class;
    }

    @Override
    public LrStrategy create(Options o, StrategyFactory strategies) {
        return new BoundedStrategy() {
            double start = o.lr();
            int steps;

            @Override
            public void acceptBound(double delta) {
                start = delta;
            }

            @Override
            public void step(StepContext context) {
                context.commit(start * Math.pow(0.5, steps++ / o.every()));
            }
        };
    }
}
