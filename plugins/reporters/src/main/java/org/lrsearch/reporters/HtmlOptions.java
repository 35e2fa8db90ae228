package org.lrsearch.reporters;

import org.lrsearch.api.InvalidOptionException;
import org.lrsearch.api.Option;

/**
 * Options of the {@code html} reporter. The experiment-wide {@code report} section of the config
 * supplies the title, the reference table and a template folder.
 */
public record HtmlOptions(
        @Option(description = "width of each chart in pixels", defaultValue = "560") Integer chartWidth,
        @Option(description = "height of each chart in pixels", defaultValue = "340") Integer chartHeight) {
    public HtmlOptions {
        InvalidOptionException.require(chartWidth >= 200 && chartWidth <= 4000, "chartWidth", chartWidth, "must be 200-4000");
        InvalidOptionException.require(chartHeight >= 150 && chartHeight <= 4000, "chartHeight", chartHeight, "must be 150-4000");
    }
}
