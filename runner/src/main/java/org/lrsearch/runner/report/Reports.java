package org.lrsearch.runner.report;

import com.fasterxml.jackson.core.type.TypeReference;
import com.google.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.lrsearch.api.ExperimentInfo;
import org.lrsearch.api.ExperimentResults;
import org.lrsearch.api.ReporterPlugin;
import org.lrsearch.api.RunResult;
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
            List<Path> files = write(store, out, out, null, null);
            OutputFolder.recordWritten(store, out, files);
            return files;
        } catch (IOException e) {
            throw new UsageException("cannot write the reports in " + out + ": " + e.getMessage(), e);
        }
    }

    /**
     * Runs reporters over {@code store}'s runs into {@code into}: the same rendering as {@link #render}, for a
     * reader that writes elsewhere than the study's folder ({@code lrsearch serve}).
     *
     * @param folder the study's folder, named in errors
     * @param select the runs to report, from every stored run in grid order; null for all, read from the store in
     *               chunks as reporters walk them
     * @param ids    the reporters to run (null: those the experiment records); one it does not record runs with
     *               its defaults
     */
    public List<Path> write(ResultsStore store, Path folder, Path into, UnaryOperator<List<RunResult>> select,
                            List<String> ids) throws IOException {
        String infoJson = store.meta(META_INFO);
        String reportersJson = store.meta(META_REPORTERS);
        if (infoJson == null || reportersJson == null) {
            throw new UsageException(folder.resolve(ResultsStore.FILE) + ": holds no experiment (was it started by lrsearch run?)");
        }
        ExperimentInfo info = Mappers.JSON.readValue(infoJson, ExperimentInfo.class);
        List<Map<String, Object>> specs = new ArrayList<>(Mappers.JSON.readValue(reportersJson, new TypeReference<>() { }));
        if (ids != null) {
            specs.removeIf(spec -> !ids.contains(String.valueOf(spec.get("plugin"))));
            for (String id : ids) {
                if (specs.stream().noneMatch(spec -> id.equals(spec.get("plugin")))) {
                    specs.add(Map.of("plugin", id));
                }
            }
        }
        ExperimentResults results = select == null ? store.results(info) : ExperimentResults.of(info, select.apply(store.runs()));
        List<Path> files = new ArrayList<>();
        for (Map<String, Object> spec : specs) {
            Map<String, Object> options = new LinkedHashMap<>(spec);
            String id = String.valueOf(options.remove("plugin"));
            ReporterPlugin<?> p = reporters.get(id);
            if (p == null) {
                throw new UsageException("reporter '" + id + "' recorded in " + folder + " is not installed; known: "
                        + String.join(", ", new java.util.TreeSet<>(reporters.keySet())));
            }
            Record bound = OptionsBinder.bind(p.optionsType(), options, "reporters", k -> folder.resolve(ResultsStore.FILE).toString());
            List<Path> written = BoundPlugin.report(new BoundPlugin<>(p, bound), results, into);
            LOG.debug("reporter {} wrote {}", id, written);
            files.addAll(written);
        }
        return files;
    }
}
