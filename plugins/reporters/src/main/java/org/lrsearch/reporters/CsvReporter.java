package org.lrsearch.reporters;

import java.io.IOException;
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
        files.add(AtomicFiles.write(outDir.resolve("results.csv"), results(results)));
        if (options.curves()) {
            files.add(AtomicFiles.write(outDir.resolve("curves.csv"), curves(results)));
        }
        return files;
    }

    /** The content of results.csv. */
    public static String results(ExperimentResults results) {
        StringBuilder sb = new StringBuilder();
        Csv.row(sb, COLUMNS);
        for (RunResult run : all(results)) {
            RunSpec s = run.spec();
            Object hidden = s.coordinate("model.hidden");
            Object optimizer = s.coordinate("optimizer");
            Csv.row(sb, List.of(s.runId(), s.dataset(), s.model(), hidden == null ? "" : String.valueOf(hidden),
                    String.valueOf(s.batchSize()),
                    String.valueOf(s.shots()), s.selection(), s.strategy(), s.strategyPlugin(), String.valueOf(s.seed()),
                    String.valueOf(s.iterations()), NumberText.plain(run.testAccuracy()), NumberText.plain(run.finalTrainLoss()),
                    NumberText.plain(run.result("delta")), String.valueOf(run.forwardPasses()), String.valueOf(run.backwardPasses()),
                    String.valueOf(run.wallMs()), String.valueOf(run.evalMs()), run.status().key(),
                    String.valueOf(run.stoppedAt()), run.message(), optimizer == null ? "" : String.valueOf(optimizer),
                    NumberText.plain(run.validationAccuracy()), phase(s), s.coordinate("trial") == null ? ""
                            : String.valueOf(s.coordinate("trial"))));
        }
        return sb.toString();
    }

    /** Evaluation runs, then a tuned study's tuning runs: every stored run has its row. */
    private static List<RunResult> all(ExperimentResults results) {
        List<RunResult> all = new ArrayList<>(results.runs());
        all.addAll(results.tuning());
        return all;
    }

    private static String phase(RunSpec s) {
        return s.coordinate("phase") == null ? "evaluation" : String.valueOf(s.coordinate("phase"));
    }

    /** The content of curves.csv. */
    public static String curves(ExperimentResults results) {
        StringBuilder sb = new StringBuilder();
        Csv.row(sb, CURVE_COLUMNS);
        for (RunResult run : all(results)) {
            for (CurvePoint p : run.curve()) {
                Csv.row(sb, List.of(run.spec().runId(), String.valueOf(p.iteration()), NumberText.plain(p.epoch()),
                        NumberText.plain(p.testAccuracy()), NumberText.plain(p.trainAccuracy()), NumberText.plain(p.lr()),
                        NumberText.plain(p.passes())));
            }
        }
        return sb.toString();
    }
}
