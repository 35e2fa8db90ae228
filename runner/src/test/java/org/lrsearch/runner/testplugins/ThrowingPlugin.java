package org.lrsearch.runner.testplugins;

import org.lrsearch.api.LrStrategy;
import org.lrsearch.api.LrStrategyPlugin;
import org.lrsearch.api.Option;
import org.lrsearch.api.StrategyFactory;

/** A test strategy that fails at a chosen iteration: how the runner treats a faulty plugin. */
public final class ThrowingPlugin implements LrStrategyPlugin<ThrowingPlugin.Options> {

    /** Options: fail at iteration {@code at}. */
    public record Options(@Option(description = "iteration to fail at", defaultValue = "5") Integer at) {
        public Options {
            at = at == null ? 5 : at;
        }
    }

    @Override
    public String id() {
        return "test-throws";
    }

    @Override
    public String description() {
        return "fails at a chosen iteration (test plugin)";
    }

    @Override
    public Class<Options> optionsType() {
        return Options.class;
    }

    @Override
    public LrStrategy create(Options o, StrategyFactory strategies) {
        return context -> {
            if (context.iteration() == o.at()) {
                throw new IllegalStateException("test plugin failing on purpose at iteration " + o.at());
            }
            context.commit(0.1);
        };
    }
}
