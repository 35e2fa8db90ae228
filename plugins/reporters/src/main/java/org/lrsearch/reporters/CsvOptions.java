package org.lrsearch.reporters;

import org.lrsearch.api.Option;

/** Options of the {@code csv} reporter. */
public record CsvOptions(
        @Option(description = "also write curves.csv (test accuracy at every evaluation point)", defaultValue = "true")
        Boolean curves) {
}
