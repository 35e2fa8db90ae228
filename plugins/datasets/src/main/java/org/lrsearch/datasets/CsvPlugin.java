package org.lrsearch.datasets;

import java.util.Optional;
import org.lrsearch.api.DatasetPlugin;
import org.lrsearch.api.FewShotTask;
import org.lrsearch.api.InvalidOptionException;
import org.lrsearch.api.Option;
import org.lrsearch.api.TaskRequest;

/** The {@code csv} dataset: your own labelled table, as a train and a test file or one file split by a seed. */
public final class CsvPlugin implements DatasetPlugin<CsvPlugin.Options> {

    /** Options of {@code csv}. */
    public record Options(
            @Option(description = "the training file (required)") String train,
            @Option(description = "the test file; absent: testFraction of train is held out", defaultValue = "")
            String test,
            @Option(description = "share of the rows held out for testing when there is no test file",
                    defaultValue = "0.2") Double testFraction,
            @Option(description = "seed of that split", defaultValue = "0") Long splitSeed,
            @Option(description = "the label column: a header name, or a 0-based index", defaultValue = "0")
            Object labelColumn,
            @Option(description = "whether the first row is a header (absent: detected: a row with a non-numeric "
                    + "feature is a header)", defaultValue = "detected") Boolean header,
            @Option(description = "every feature is divided by it", defaultValue = "1") Double scale,
            @Option(description = "the column separator, one character", defaultValue = ",") String delimiter) {
        public Options {
            InvalidOptionException.require(train != null && !train.isBlank(), "train", train, "is required: a CSV file");
            InvalidOptionException.require(testFraction > 0 && testFraction < 1, "testFraction", testFraction,
                    "must be in (0, 1)");
            InvalidOptionException.require(labelColumn instanceof String || labelColumn instanceof Integer,
                    "labelColumn", labelColumn, "must be a column name or a 0-based index");
            InvalidOptionException.require(scale > 0 && Double.isFinite(scale), "scale", scale, "must be finite and > 0");
            InvalidOptionException.require(delimiter.length() == 1, "delimiter", delimiter, "must be one character");
        }
    }

    @Override public String id() { return "csv"; }
    @Override public String description() { return "your own labelled CSV table: a label column and numeric features"; }
    @Override public Class<Options> optionsType() { return Options.class; }

    @Override
    public Optional<String> missingData(Options o) {
        for (String f : new String[] {o.train(), o.test()}) {
            if (f != null && !java.nio.file.Files.isRegularFile(java.nio.file.Path.of(f))) {
                return Optional.of("CSV file " + f + " does not exist");
            }
        }
        return Optional.empty();
    }

    @Override
    public void prepare(Options o) {
        CsvData.get(o);
    }

    @Override
    public FewShotTask load(Options o, TaskRequest request) {
        return CsvData.get(o).task("csv", request);
    }
}
