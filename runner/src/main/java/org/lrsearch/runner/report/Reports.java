package org.lrsearch.runner.report;

import com.fasterxml.jackson.core.type.TypeReference;
import com.google.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.lrsearch.api.ExperimentInfo;
import org.lrsearch.api.ExperimentResults;
import org.lrsearch.api.ReporterPlugin;
import org.lrsearch.runner.config.Mappers;
import org.lrsearch.runner.config.OptionsBinder;
import org.lrsearch.runner.config.UsageException;
import org.lrsearch.runner.plugins.BoundPlugin;
import org.lrsearch.runner.store.OutputFolder;
import org.lrsearch.runner.store.ResultsStore;

/**
 * Renders every reporter of an experiment from its results store alone, so a finished (or
 * interrupted) experiment can be reported again without training anything.
 */
public final class Reports {
    private static final Logger LOG = LogManager.getLogger(Reports.class);
    public static final String META_INFO = "experiment";
    public static final String META_REPORTERS = "reporters";

    private final Map<String, ReporterPlugin<?>> reporters;

    @Inject
    public Reports(Map<String, ReporterPlugin<?>> reporters) {
        this.reporters = reporters;
    }

    /** Runs every reporter recorded in {@code out}'s store; returns the files written. */
    public List<Path> render(Path out) {
        try (ResultsStore store = ResultsStore.open(out)) {
            String infoJson = store.meta(META_INFO);
            String reportersJson = store.meta(META_REPORTERS);
            if (infoJson == null || reportersJson == null) {
                throw new UsageException(out.resolve(ResultsStore.FILE) + ": holds no experiment (was it started by lrsearch run?)");
            }
            ExperimentInfo info = Mappers.JSON.readValue(infoJson, ExperimentInfo.class);
            List<Map<String, Object>> specs = Mappers.JSON.readValue(reportersJson, new TypeReference<>() { });
            ExperimentResults results = ExperimentResults.of(info, store.runs());
            List<Path> files = new ArrayList<>();
            for (Map<String, Object> spec : specs) {
                Map<String, Object> options = new LinkedHashMap<>(spec);
                String id = String.valueOf(options.remove("plugin"));
                ReporterPlugin<?> p = reporters.get(id);
                if (p == null) {
                    throw new UsageException("reporter '" + id + "' recorded in " + out + " is not installed; known: "
                            + String.join(", ", new java.util.TreeSet<>(reporters.keySet())));
                }
                Record bound = OptionsBinder.bind(p.optionsType(), options, "reporters", k -> out.resolve(ResultsStore.FILE).toString());
                List<Path> written = BoundPlugin.report(new BoundPlugin<>(p, bound), results, out);
                LOG.debug("reporter {} wrote {}", id, written);
                files.addAll(written);
            }
            OutputFolder.recordWritten(store, out, files);
            return files;
        } catch (IOException e) {
            throw new UsageException("cannot write the reports in " + out + ": " + e.getMessage(), e);
        }
    }
}
