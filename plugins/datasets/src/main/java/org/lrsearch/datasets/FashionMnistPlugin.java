package org.lrsearch.datasets;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lrsearch.api.DatasetPlugin;
import org.lrsearch.api.FewShotTask;
import org.lrsearch.api.Option;
import org.lrsearch.api.TaskRequest;
import org.lrsearch.data.VerifiedFiles;

/**
 * The {@code fashion-mnist} dataset (Xiao et al., 2017): MNIST's format and sizes with ten classes of
 * clothing, read from where Debian's package {@code dataset-fashion-mnist} installs it, each file
 * verified by the SHA-256 of its raw content.
 */
public final class FashionMnistPlugin implements DatasetPlugin<FashionMnistPlugin.Options> {
    static final String DEFAULT_DIR = "/usr/share/datasets/fashion-mnist";
    static final Map<String, String> SHA256 = VerifiedFiles.table(
            "train-images-idx3-ubyte", "c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888",
            "train-labels-idx1-ubyte", "bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9",
            "t10k-images-idx3-ubyte", "5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b",
            "t10k-labels-idx1-ubyte", "0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34");
    /** The label names, in label order. */
    public static final List<String> CLASSES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal",
            "Shirt", "Sneaker", "Bag", "Ankle boot");

    /** Options of {@code fashion-mnist}. */
    public record Options(
            @Option(description = "folder with the four IDX files (raw or .gz)", defaultValue = DEFAULT_DIR) String dir) {
        public Options {
            dir = dir == null || dir.isBlank() ? DEFAULT_DIR : dir;
        }
    }

    @Override public String id() { return "fashion-mnist"; }
    @Override public String description() {
        return "Fashion-MNIST: 10 classes of clothing images in MNIST's format (Debian's dataset-fashion-mnist)";
    }
    @Override public Class<Options> optionsType() { return Options.class; }

    private static Path dir(Options o) {
        return Path.of(o.dir()).toAbsolutePath().normalize();
    }

    private static String byHand(Options o) {
        return "Install Debian's package dataset-fashion-mnist (apt-get install dataset-fashion-mnist), which puts "
                + "them in " + DEFAULT_DIR + ", or put the four files (" + String.join(", ", SHA256.keySet())
                + ", raw or .gz) in dataset.dir" + (o.dir().equals(DEFAULT_DIR) ? "." : " (now " + dir(o) + ").");
    }

    @Override
    public Optional<String> missingData(Options o) {
        return IdxFiles.missing("Fashion-MNIST", dir(o), List.copyOf(SHA256.keySet()), byHand(o));
    }

    @Override
    public void prepare(Options o) {
        IdxFiles.load("fashion-mnist", dir(o), List.copyOf(SHA256.keySet()), SHA256, 10, 255.0, byHand(o));
    }

    @Override
    public FewShotTask load(Options o, TaskRequest request) {
        return IdxFiles.load("fashion-mnist", dir(o), List.copyOf(SHA256.keySet()), SHA256, 10, 255.0, byHand(o))
                .task(request);
    }
}
