package org.lrsearch.runner.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.lrsearch.api.DataException;
import org.lrsearch.runner.config.UsageException;
import org.lrsearch.runner.report.Reports;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/**
 * The {@code lrsearch} command line. Exit codes: 0 success, 1 some run failed, 2 bad input
 * (config, arguments, data), 130 interrupted.
 */
@Command(name = "lrsearch", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Learning-rate search for few-shot, lightweight deep learning.",
        subcommands = {RunCommand.class, ValidateCommand.class, PluginsCommand.class, ReportCommand.class, ServeCommand.class, MergeCommand.class, DataCommand.class,
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

    /** The files written, then the report's path last, where a reader looks for it. */
    static void printOutputs(PrintStream console, Path dir, List<Path> files) {
        printWritten(console, dir, files.stream().filter(f -> !f.getFileName().toString().equals("report.html")).toList());
        files.stream().filter(f -> f.getFileName().toString().equals("report.html")).findFirst()
                .ifPresent(f -> console.println("report: " + f.toAbsolutePath()));
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
