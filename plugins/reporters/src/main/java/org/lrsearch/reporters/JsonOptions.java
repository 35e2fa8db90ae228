package org.lrsearch.reporters;

import org.lrsearch.api.Option;

/** Options of the {@code json} reporter. */
public record JsonOptions(
        @Option(description = "indent the JSON for reading", defaultValue = "true") Boolean pretty,
        @Option(description = "also write traces/RUN_ID.jsonl: every search round and the LR per iteration "
                + "(run-length encoded)", defaultValue = "true") Boolean traces) {
}
