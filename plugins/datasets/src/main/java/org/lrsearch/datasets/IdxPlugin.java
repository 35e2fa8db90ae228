package org.lrsearch.datasets;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lrsearch.api.DatasetPlugin;
import org.lrsearch.api.FewShotTask;
import org.lrsearch.api.InvalidOptionException;
import org.lrsearch.api.Option;
import org.lrsearch.api.TaskRequest;

/** The {@code idx} dataset: any four IDX files (train and test, examples and labels), of any type and shape. */
public final class IdxPlugin implements DatasetPlugin<IdxPlugin.Options> {

    /** Options of {@code idx}. */
    public record Options(
            @Option(description = "folder with the four files (raw or .gz) (required)") String dir,
            @Option(description = "training examples", defaultValue = "train-images-idx3-ubyte") String trainImages,
            @Option(description = "training labels", defaultValue = "train-labels-idx1-ubyte") String trainLabels,
            @Option(description = "test examples", defaultValue = "t10k-images-idx3-ubyte") String testImages,
            @Option(description = "test labels", defaultValue = "t10k-labels-idx1-ubyte") String testLabels,
            @Option(description = "SHA-256 of a file's raw content by file name, verified when given", defaultValue = "{}")
            Map<String, String> sha256,
            @Option(description = "number of classes (0: the largest label + 1)", defaultValue = "0") Integer classes,
            @Option(description = "class names in label order, for the reader", defaultValue = "") List<String> classNames,
            @Option(description = "every value is divided by it", defaultValue = "255") Double scale) {
        public Options {
            InvalidOptionException.require(dir != null && !dir.isBlank(), "dir", dir, "is required: the folder of the files");
            sha256 = Map.copyOf(sha256);
            classNames = classNames == null ? List.of() : List.copyOf(classNames);
            for (String f : List.of(trainImages, trainLabels, testImages, testLabels)) {
                InvalidOptionException.require(f.matches("[A-Za-z0-9._-]+"), "trainImages", f,
                        "file names are plain names inside dir");
            }
            for (var e : sha256.entrySet()) {
                InvalidOptionException.require(e.getValue() != null && e.getValue().matches("[0-9a-f]{64}"), "sha256",
                        e.getKey() + ": " + e.getValue(), "each must be 64 lower-case hex digits");
            }
            InvalidOptionException.require(classes >= 0, "classes", classes, "must be >= 0");
            InvalidOptionException.require(classNames.isEmpty() || classes == 0 || classNames.size() == classes,
                    "classNames", classNames, "must name every class (" + classes + ")");
            InvalidOptionException.require(scale > 0 && Double.isFinite(scale), "scale", scale, "must be finite and > 0");
        }

        List<String> files() {
            return List.of(trainImages, trainLabels, testImages, testLabels);
        }
    }

    @Override public String id() { return "idx"; }
    @Override public String description() { return "any four IDX files: train/test examples and labels, any type and shape"; }
    @Override public Class<Options> optionsType() { return Options.class; }

    @Override
    public Optional<String> missingData(Options o) {
        return IdxFiles.missing("IDX", dir(o), o.files(), byHand(o));
    }

    @Override
    public void prepare(Options o) {
        IdxFiles.load("idx", dir(o), o.files(), o.sha256(), classes(o), o.scale(), byHand(o));
    }

    @Override
    public FewShotTask load(Options o, TaskRequest request) {
        return IdxFiles.load("idx", dir(o), o.files(), o.sha256(), classes(o), o.scale(), byHand(o)).task(request);
    }

    private static int classes(Options o) {
        return o.classes() > 0 ? o.classes() : o.classNames().size();
    }

    private static Path dir(Options o) {
        return Path.of(o.dir()).toAbsolutePath().normalize();
    }

    private static String byHand(Options o) {
        return "Put " + String.join(", ", o.files()) + " (raw or .gz) in " + dir(o) + ".";
    }
}
