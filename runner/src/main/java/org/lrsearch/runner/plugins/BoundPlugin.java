package org.lrsearch.runner.plugins;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lrsearch.api.DatasetPlugin;
import org.lrsearch.api.ExperimentResults;
import org.lrsearch.api.FewShotTask;
import org.lrsearch.api.LrStrategy;
import org.lrsearch.api.LrStrategyPlugin;
import org.lrsearch.api.Model;
import org.lrsearch.api.ModelPlugin;
import org.lrsearch.api.Optimizer;
import org.lrsearch.api.OptimizerPlugin;
import org.lrsearch.api.Plugin;
import org.lrsearch.api.ReporterPlugin;
import org.lrsearch.api.StrategyFactory;
import org.lrsearch.api.TaskRequest;

/**
 * A plugin together with its options, bound and validated. Plugins are held as {@code Plugin<?>}
 * (found at run time), so calling one with its own options type needs a cast; this is the one place
 * that does it, after checking that the options are an instance of the plugin's options record.
 *
 * @param plugin  the plugin
 * @param options its options, of {@code plugin.optionsType()}
 * @param <P>     the plugin kind
 */
public record BoundPlugin<P extends Plugin<?>>(P plugin, Record options) {
    public BoundPlugin {
        if (!plugin.optionsType().isInstance(options)) {
            throw new IllegalArgumentException(plugin.id() + ": options of type " + options.getClass().getName()
                    + ", expected " + plugin.optionsType().getName());
        }
    }

    public String id() {
        return plugin.id();
    }

    public static FewShotTask load(BoundPlugin<DatasetPlugin<?>> b, TaskRequest request) {
        return b.<DatasetPlugin<Record>>raw().load(b.options, request);
    }

    public static Optional<String> missingData(BoundPlugin<DatasetPlugin<?>> b) {
        return b.<DatasetPlugin<Record>>raw().missingData(b.options);
    }

    public static void prepare(BoundPlugin<DatasetPlugin<?>> b) {
        b.<DatasetPlugin<Record>>raw().prepare(b.options);
    }

    public static Model create(BoundPlugin<ModelPlugin<?>> b, FewShotTask task) {
        return b.<ModelPlugin<Record>>raw().create(b.options, task);
    }

    public static void checkFits(BoundPlugin<ModelPlugin<?>> b, FewShotTask task) {
        b.<ModelPlugin<Record>>raw().checkFits(b.options, task);
    }

    public static LrStrategy create(BoundPlugin<LrStrategyPlugin<?>> b, StrategyFactory nested) {
        return b.<LrStrategyPlugin<Record>>raw().create(b.options, nested);
    }

    public static Optimizer create(BoundPlugin<OptimizerPlugin<?>> b) {
        return b.<OptimizerPlugin<Record>>raw().create(b.options);
    }

    public static List<Path> report(BoundPlugin<ReporterPlugin<?>> b, ExperimentResults results, Path out)
            throws IOException {
        return b.<ReporterPlugin<Record>>raw().report(b.options, results, out);
    }

    public static List<String> outputs(BoundPlugin<ReporterPlugin<?>> b) {
        return b.<ReporterPlugin<Record>>raw().outputs(b.options);
    }

    public static void check(BoundPlugin<ReporterPlugin<?>> b, Map<String, Object> report) throws IOException {
        b.<ReporterPlugin<Record>>raw().check(b.options, report);
    }

    // Safe: the constructor checked that `options` is an instance of the plugin's options type.
    @SuppressWarnings("unchecked")
    private <Q> Q raw() {
        return (Q) plugin;
    }
}
