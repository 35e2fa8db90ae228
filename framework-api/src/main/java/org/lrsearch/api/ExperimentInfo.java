package org.lrsearch.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The experiment as a whole, for reports and provenance.
 *
 * @param name           experiment name from config
 * @param configFile     the config file it was started from
 * @param resolvedConfig the fully composed config (extends and overrides applied), as YAML
 * @param strategies     strategy label to its resolved options, in config order
 * @param report         the config's {@code report} section (paths made absolute)
 * @param plugins        every plugin discovered, with versions
 * @param seeds          the seeds every cell ran with
 * @param started        when the experiment started (first start when resumed)
 * @param finished       when it finished
 * @param environment    framework, Java and OS versions, threads
 * @param tuning         a tuned study's {@code tuning:} block as planned ({@code budget}, {@code sampler},
 *                       {@code seeds}, {@code objective}, {@code space}) and its {@code trials} (per setting and
 *                       strategy: {@code setting}, {@code strategy}, {@code trial}, {@code options},
 *                       {@code infeasible}) and the {@code winners} chosen (per strategy and setting:
 *                       {@code strategy}, {@code setting}, {@code options}); null without one
 *
 * @since 0.1 ({@code tuning} 0.3)
 */
public record ExperimentInfo(String name, String configFile, String resolvedConfig,
                             Map<String, Map<String, Object>> strategies, Map<String, Object> report,
                             List<PluginInfo> plugins, List<Long> seeds, Instant started, Instant finished,
                             Map<String, String> environment, Map<String, Object> tuning) {

    /** An experiment without tuning. */
    public ExperimentInfo(String name, String configFile, String resolvedConfig,
                          Map<String, Map<String, Object>> strategies, Map<String, Object> report,
                          List<PluginInfo> plugins, List<Long> seeds, Instant started, Instant finished,
                          Map<String, String> environment) {
        this(name, configFile, resolvedConfig, strategies, report, plugins, seeds, started, finished, environment, null);
    }
}
