package org.lrsearch.runner.execute;

import com.google.inject.Guice;
import com.google.inject.Injector;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import org.lrsearch.api.RunResult;
import org.lrsearch.runner.config.ComposedConfig;
import org.lrsearch.runner.config.Mappers;
import org.lrsearch.runner.plan.ExperimentPlan;
import org.lrsearch.runner.plan.Planner;
import org.lrsearch.runner.plugins.PluginModule;
import org.lrsearch.runner.plugins.Registry;

/**
 * A plan in a form that crosses JVMs, for engines whose workers are other processes: the composed
 * config (file name for messages, tree, where each key came from) and the plan's fingerprint. The
 * tree holds only maps, lists, strings, numbers and booleans, so Java serialization carries it
 * exactly. A worker re-plans from it with the plugins its class loader sees and checks that it got
 * the driver's plan (the same run ids and plugin versions), so a run computes the same numbers
 * wherever it lands; it then executes runs by plan position.
 *
 * @param file        the config file as the user named it
 * @param tree        the composed config
 * @param origins     dotted key to the file that set it
 * @param fingerprint the driver's {@link org.lrsearch.runner.plan.PlanIdentity#fingerprint()}
 * @param winners     a tuned study's winners known to the driver, which its evaluation runs are planned from
 */
public record PortablePlan(String file, LinkedHashMap<String, Object> tree, TreeMap<String, String> origins,
                           String fingerprint, TreeMap<String, Object> winners) implements Serializable {
    private static final long serialVersionUID = 1L;
    /** One rebuilt plan per fingerprint and JVM: plugins discovered and data parsed once per worker. */
    private static final Map<String, Worker> WORKERS = new ConcurrentHashMap<>();

    public static PortablePlan of(ExperimentPlan plan) {
        @SuppressWarnings("unchecked")
        LinkedHashMap<String, Object> tree = (LinkedHashMap<String, Object>) Mappers.deepCopy(plan.config().tree());
        return new PortablePlan(plan.config().file().toString(), tree, new TreeMap<>(plan.config().origins()),
                plan.identity().fingerprint(), new TreeMap<>(Mappers.map(Mappers.deepCopy(plan.winners()))));
    }

    /** This JVM's worker for the plan, built on first use from the plugins {@code loader} sees. */
    public Worker worker(ClassLoader loader) {
        return WORKERS.computeIfAbsent(fingerprint + winners, f -> new Worker(this, loader));
    }

    /** The plan rebuilt in a worker JVM, ready to execute any of its runs. */
    public static final class Worker {
        private final ExperimentPlan plan;
        private final RunExecutor executor;

        Worker(PortablePlan portable, ClassLoader loader) {
            Injector injector = Guice.createInjector(new PluginModule(Registry.discover(loader)));
            // Data is not checked here: each run's dataset acquires and verifies its files on first use.
            plan = injector.getInstance(Planner.class).plan(ComposedConfig.restore(Path.of(portable.file()),
                    Mappers.map(Mappers.deepCopy(portable.tree())), portable.origins()), Planner.DataCheck.NONE,
                    winners(portable.winners()));
            if (!plan.identity().fingerprint().equals(portable.fingerprint())) {
                throw new IllegalStateException("this worker planned " + portable.file() + " differently from the "
                        + "driver (plan " + plan.identity().fingerprint() + ", driver " + portable.fingerprint() + "): "
                        + "its plugins differ; give the workers the same lrsearch and --plugins jars as the driver");
            }
            executor = injector.getInstance(RunExecutor.class);
        }

        @SuppressWarnings("unchecked")
        private static Map<String, Map<String, Object>> winners(Map<String, Object> w) {
            Map<String, Map<String, Object>> out = new java.util.HashMap<>();
            w.forEach((k, v) -> out.put(k, (Map<String, Object>) v));
            return out;
        }

        /** Trains the run at plan position {@code position}; a plugin fault yields a failed result. */
        public RunResult execute(int position, BooleanSupplier cancelled) {
            return executor.execute(plan.runs().get(position), plan.config(), cancelled);
        }
    }
}
