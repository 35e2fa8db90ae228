package org.lrsearch.runner.plan;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.lrsearch.api.DataException;
import org.lrsearch.api.InvalidOptionException;
import org.lrsearch.runner.config.ComposedConfig;
import org.lrsearch.runner.config.Mappers;
import org.lrsearch.runner.config.UsageException;
import org.lrsearch.runner.plugins.BoundPlugin;

/** What is checked before any run starts, so that a mistake costs nothing: data and report templates. */
final class Preflight {
    private Preflight() {
    }

    /**
     * Loads each distinct k-shot set once, so a request a dataset cannot meet fails before any run, and
     * checks each distinct model against its data ({@code ModelPlugin.checkFits}), so a model the data does
     * not fit (a CNN on samples without an image shape, or whose layers shrink the image below 1×1) fails
     * before any run too.
     * Without {@code fetch}, data that is not present locally is reported in a notice, not acquired.
     */
    static List<String> data(ComposedConfig config, List<PlannedRun> runs, boolean fetch) {
        List<String> notices = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Set<String> absent = new HashSet<>();
        Set<String> models = new HashSet<>();
        for (PlannedRun r : runs) {
            String data = r.dataset().id() + Mappers.toJson(Mappers.JSON.convertValue(r.dataset().options(), Map.class));
            if (absent.contains(data) || !seen.add(data + r.request())) {
                continue;
            }
            try {
                if (!fetch) {
                    Optional<String> missing = BoundPlugin.missingData(r.dataset());
                    if (missing.isPresent()) {
                        absent.add(data);
                        notices.add(r.dataset().id() + ": " + missing.get());
                        continue;
                    }
                }
                var task = BoundPlugin.load(r.dataset(), r.request());
                if (models.add(data + r.model().id() + Mappers.toJson(Mappers.JSON.convertValue(r.model().options(), Map.class)))) {
                    try {
                        BoundPlugin.checkFits(r.model(), task);
                    } catch (InvalidOptionException e) {
                        throw config.error("model." + e.key(), e.value(), e.getMessage());
                    }
                }
            } catch (InvalidOptionException e) {
                throw config.error("dataset." + e.key(), e.value(), e.getMessage());
            } catch (DataException e) {
                throw new UsageException(e.getMessage(), e);
            }
        }
        return notices;
    }

    /** Each reporter checks what it can before any run (templates parse). */
    static void reporters(List<ExperimentPlan.Reporter> reporters, Map<String, Object> report) {
        for (ExperimentPlan.Reporter r : reporters) {
            try {
                BoundPlugin.check(r.bound(), report);
            } catch (IOException e) {
                throw new UsageException("reporter '" + r.id() + "': " + e.getMessage(), e);
            }
        }
    }
}
