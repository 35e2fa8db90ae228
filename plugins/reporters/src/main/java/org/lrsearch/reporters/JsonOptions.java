package org.lrsearch.reporters;

import org.lrsearch.api.Option;

/** Options of the {@code json} reporter. */
public record JsonOptions(
        @Option(description = "indent the JSON for reading", defaultValue = "true") Boolean pretty) {
    public JsonOptions {
        pretty = pretty == null ? Boolean.TRUE : pretty;
    }
}
