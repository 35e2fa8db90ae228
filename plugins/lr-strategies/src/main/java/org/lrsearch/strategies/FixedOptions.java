package org.lrsearch.strategies;

import org.lrsearch.api.InvalidOptionException;
import org.lrsearch.api.Option;

/** Options of the {@code fixed} strategy. */
public record FixedOptions(
        @Option(description = "the learning rate used at every iteration (required)")
        Double lr) {
    public FixedOptions {
        InvalidOptionException.require(lr != null, "lr", null, "is required");
        InvalidOptionException.requirePositiveRate("lr", lr);
    }
}
