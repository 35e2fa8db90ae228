package org.lrsearch.spark;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.lrsearch.api.RunResult;
import org.lrsearch.runner.config.UsageException;
import org.lrsearch.runner.execute.PortablePlan;
import org.lrsearch.runner.execute.RunEngine;
import org.lrsearch.runner.plan.PlannedRun;
import org.lrsearch.runner.store.ResultCodec;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;
import scala.runtime.AbstractFunction1;
import scala.runtime.AbstractFunction2;
import scala.runtime.BoxedUnit;

/**
 * {@code --executor spark}: one Spark task per run. The driver (this JVM) plans, keeps the results
 * store and renders the reports; tasks receive the plan position of their run and the plan in
 * portable form, rebuild the plan in their executor and return the encoded result. Each result is
 * committed on the driver as its task finishes (Spark's job result handler), so a killed driver
 * loses only the runs in flight and {@code --resume} does the rest.
 */
public final class SparkEngine implements RunEngine {
    public static final String ID = "spark";
    private static final Logger LOG = LogManager.getLogger(SparkEngine.class);
    private static final String GROUP = "lrsearch";

    private volatile JavaSparkContext context;
    private volatile boolean cancelled;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean execute(Job job, List<PlannedRun> runs, Completion done) {
        // new SparkConf() reads the spark.* system properties that spark-submit sets, master included.
        SparkConf conf = new SparkConf().setAppName("lrsearch " + job.plan().name())
                .setIfMissing("spark.ui.showConsoleProgress", "false");
        String master = job.options().get("master");
        if (master != null) {
            conf.setMaster(master);
        } else if (!conf.contains("spark.master")) {
            conf.setMaster("local[*]");
        }
        Map<String, PlannedRun> byId = runs.stream().collect(Collectors.toMap(r -> r.spec().runId(), Function.identity()));
        List<Integer> positions = runs.stream().map(PlannedRun::order).toList();
        try (JavaSparkContext sc = start(conf)) {
            context = sc;
            if (cancelled) {
                return false;
            }
            ship(sc, conf.get("spark.master"), job.pluginDir());
            sc.setJobGroup(GROUP, "lrsearch " + job.plan().name(), true);
            // One partition per run: a run is the unit of work, of commit and of retry.
            JavaRDD<byte[]> results = sc.parallelize(positions, Math.max(1, positions.size()))
                    .map(new RunTask(PortablePlan.of(job.plan())));
            @SuppressWarnings("unchecked")
            ClassTag<byte[]> bytes = (ClassTag<byte[]>) (ClassTag<?>) ClassTag$.MODULE$.apply(byte[].class);
            sc.sc().runJob(results.rdd(), new OnlyElement(), new Commit(byId, done), bytes);
            return true;
        } catch (RuntimeException e) {
            if (cancelled) {
                return false;
            }
            throw e;
        } finally {
            context = null;
        }
    }

    private static JavaSparkContext start(SparkConf conf) {
        try {
            return new JavaSparkContext(conf);
        } catch (RuntimeException e) {
            throw new UsageException("--executor spark: cannot start Spark with master '" + conf.get("spark.master", "")
                    + "': " + e.getMessage(), e);
        }
    }

    /**
     * What executors need besides Spark: plugin jars from {@code --plugins} always, and on a cluster
     * the application's jars: this module's and those beside it in {@code lib/} (runner, plugins,
     * their libraries; Spark's own are in {@code spark-lib/} and stay behind). A local master runs
     * tasks in this JVM, which has them already.
     */
    private static void ship(JavaSparkContext sc, String master, Path pluginDir) {
        Set<Path> jars = new LinkedHashSet<>();
        if (!master.startsWith("local")) {
            jars.add(codeSource(SparkEngine.class));
            jars.add(codeSource(RunEngine.class));
            jars.addAll(siblings(codeSource(RunEngine.class)));
        }
        if (pluginDir != null) {
            try (var s = Files.list(pluginDir)) {
                s.filter(f -> f.toString().endsWith(".jar")).sorted().forEach(jars::add);
            } catch (IOException e) {
                throw new UsageException("--plugins " + pluginDir + ": cannot list it (" + e.getMessage() + ")", e);
            }
        }
        for (Path jar : jars) {
            if (Files.isRegularFile(jar)) {
                sc.addJar(jar.toAbsolutePath().toString());
                LOG.debug("shipping {}", jar);
            }
        }
    }

    private static Path codeSource(Class<?> c) {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The jars in the folder of {@code jar}: the application's lib/ when the runner came from there. */
    private static List<Path> siblings(Path jar) {
        Path dir = jar.getParent();
        if (dir == null || !Files.isRegularFile(jar) || !dir.getFileName().toString().equals("lib")) {
            return List.of();
        }
        try (var s = Files.list(dir)) {
            return s.filter(f -> f.toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void cancel() {
        cancelled = true;
        JavaSparkContext sc = context;
        if (sc != null) {
            sc.cancelJobGroup(GROUP);
        }
    }

    /** A partition holds one run; its result is the task's result. */
    private static final class OnlyElement extends AbstractFunction1<scala.collection.Iterator<byte[]>, byte[]>
            implements java.io.Serializable {
        private static final long serialVersionUID = 1L;

        @Override
        public byte[] apply(scala.collection.Iterator<byte[]> it) {
            return it.next();
        }
    }

    /** On the driver, as each task finishes: decode and hand over for the store. */
    private static final class Commit extends AbstractFunction2<Object, byte[], BoxedUnit> {
        private final Map<String, PlannedRun> byId;
        private final Completion done;

        Commit(Map<String, PlannedRun> byId, Completion done) {
            this.byId = byId;
            this.done = done;
        }

        @Override
        public BoxedUnit apply(Object partition, byte[] encoded) {
            RunResult r = ResultCodec.decode(encoded);
            done.finished(byId.get(r.spec().runId()), r);
            return BoxedUnit.UNIT;
        }
    }
}
