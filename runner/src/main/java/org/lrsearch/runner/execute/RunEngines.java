package org.lrsearch.runner.execute;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.lrsearch.runner.config.UsageException;

/** Finds the engine {@code --executor} names: {@code local} built in, any other through {@link ServiceLoader}. */
public final class RunEngines {
    /** The module that provides {@code --executor spark}; the launcher adds it to the class path. */
    static final String SPARK = "spark";

    private RunEngines() {
    }

    public static RunEngine find(String id) {
        if (id.equals(LocalEngine.ID)) {
            return new LocalEngine();
        }
        List<String> ids = new ArrayList<>(List.of(LocalEngine.ID));
        for (RunEngine e : ServiceLoader.load(RunEngine.class, RunEngines.class.getClassLoader())) {
            if (e.id().equals(id)) {
                return e;
            }
            ids.add(e.id());
        }
        if (id.equals(SPARK)) {
            throw new UsageException("--executor spark: the Spark executor is not on the class path. Run through "
                    + "./lrsearch, which builds the spark-executor module and adds it when --executor spark is given, "
                    + "or put spark-executor/target/lrsearch-spark.jar on the class path");
        }
        throw new UsageException("--executor '" + id + "': unknown; valid executors here: " + String.join(", ", ids)
                + (ids.contains(SPARK) ? "" : " (spark through ./lrsearch)"));
    }
}
