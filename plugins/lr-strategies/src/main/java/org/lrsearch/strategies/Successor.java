package org.lrsearch.strategies;

import java.util.Map;
import org.lrsearch.api.BoundedStrategy;
import org.lrsearch.api.InvalidOptionException;
import org.lrsearch.api.LrStrategy;
import org.lrsearch.api.StrategyFactory;

/** The {@code then} of a strategy that hands a rate on: built by the factory, checked to accept a bound. */
final class Successor {
    private Successor() {
    }

    static BoundedStrategy of(StrategyFactory strategies, Map<String, Object> spec) {
        LrStrategy next = strategies.create("then", spec);
        if (!(next instanceof BoundedStrategy bounded)) {
            throw new InvalidOptionException("then", spec.get("plugin"),
                    "does not accept a bound: `then` needs a strategy that implements BoundedStrategy (e.g. fixed, "
                            + "k-min-loss, cosine)");
        }
        return bounded;
    }
}
