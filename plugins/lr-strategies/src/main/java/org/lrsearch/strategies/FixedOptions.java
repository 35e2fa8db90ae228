package org.lrsearch.strategies;

import org.lrsearch.api.InvalidOptionException;
import org.lrsearch.api.Option;

/** Options of the {@code fixed} strategy. */
public record FixedOptions(
        @Option(description = "the learning rate of every iteration (required alone; under a searcher's bound δ "
                + "the rate is δ and lr is ignored)", defaultValue = "")
        Double lr) {
    public FixedOptions {
        if (lr != null) {
            InvalidOptionException.requirePositiveRate("lr", lr);
        }
    }
}
