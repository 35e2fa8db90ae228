package org.lrsearch.reporters;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.lrsearch.api.CurvePoint;
import org.lrsearch.api.ExperimentResults;
import org.lrsearch.api.ReporterPlugin;
import org.lrsearch.api.RunResult;
import org.lrsearch.api.RunSpec;

/** The {@code csv} reporter: {@code results.csv}, one row per run, and {@code curves.csv}. */
public final class CsvReporter implements ReporterPlugin<CsvOptions> {
    /** Fixed column order of results.csv; scripts rely on it. */
    public static final List<String> COLUMNS = List.of("run_id", "dataset", "model", "hidden", "batch_size", "shots",
            "selection", "strategy", "strategy_plugin", "seed", "iterations", "test_accuracy", "final_train_loss", "delta",
            "forward_passes", "backward_passes", "wall_ms", "eval_ms", "status", "stopped_at", "message", "optimizer",
            "validation_accuracy", "phase", "trial");
    public static final List<String> CURVE_COLUMNS = List.of("run_id", "iteration", "epoch", "test_accuracy",
            "train_accuracy", "lr", "passes");

    @Override
    public String id() {
        return "csv";
    }

    @Override
    public String description() {
        return "results.csv (one row per run) and curves.csv (accuracy at every evaluation point), RFC 4180";
    }

    @Override
    public Class<CsvOptions> optionsType() {
        return CsvOptions.class;
    }

    @Override
    public List<String> outputs(CsvOptions options) {
        return options.curves() ? List.of("results.csv", "curves.csv") : List.of("results.csv");
    }

    @Override
    public List<Path> report(CsvOptions options, ExperimentResults results, Path outDir) throws IOException {
        List<Path> files = new ArrayList<>();
        files.add(AtomicFiles.write(outDir.resolve("results.csv"), w -> results(results, w)));
        if (options.curves()) {
            files.add(AtomicFiles.write(outDir.resolve("curves.csv"), w -> curves(results, w)));
        }
        return files;
    }

    /** Writes results.csv, a row as each run is read (a study's runs are never held at once). */
    static void results(ExperimentResults results, Writer out) throws IOException {
        Csv.row(out, COLUMNS);
        for (RunResult run : all(results)) {
            RunSpec s = run.spec();
            Object hidden = s.coordinate("model.hidden");
            Object optimizer = s.coordinate("optimizer");
            Csv.row(out, List.of(s.runId(), s.dataset(), s.model(), hidden == null ? "" : String.valueOf(hidden),
                    String.valueOf(s.batchSize()),
                    String.valueOf(s.shots()), s.selection(), s.strategy(), s.strategyPlugin(), String.valueOf(s.seed()),
                    String.valueOf(s.iterations()), NumberText.plain(run.testAccuracy()), NumberText.plain(run.finalTrainLoss()),
                    NumberText.plain(run.result("delta")), String.valueOf(run.forwardPasses()), String.valueOf(run.backwardPasses()),
                    String.valueOf(run.wallMs()), String.valueOf(run.evalMs()), run.status().key(),
                    String.valueOf(run.stoppedAt()), run.message(), optimizer == null ? "" : String.valueOf(optimizer),
                    NumberText.plain(run.validationAccuracy()), phase(s), s.coordinate("trial") == null ? ""
                            : String.valueOf(s.coordinate("trial"))));
        }
    }

    /** Evaluation runs, then a tuned study's tuning runs: every stored run has its row. */
    private static Iterable<RunResult> all(ExperimentResults results) {
        return () -> java.util.stream.Stream.concat(results.runs().stream(), results.tuning().stream()).iterator();
    }

    private static String phase(RunSpec s) {
        return s.coordinate("phase") == null ? "evaluation" : String.valueOf(s.coordinate("phase"));
    }

    /** Writes curves.csv, run by run. */
    static void curves(ExperimentResults results, Writer out) throws IOException {
        Csv.row(out, CURVE_COLUMNS);
        for (RunResult run : all(results)) {
            for (CurvePoint p : run.curve()) {
                Csv.row(out, List.of(run.spec().runId(), String.valueOf(p.iteration()), NumberText.plain(p.epoch()),
                        NumberText.plain(p.testAccuracy()), NumberText.plain(p.trainAccuracy()), NumberText.plain(p.lr()),
                        NumberText.plain(p.passes())));
            }
        }
    }
}
