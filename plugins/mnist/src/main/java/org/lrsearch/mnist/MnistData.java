package org.lrsearch.mnist;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.lrsearch.data.IdxReader;
import org.lrsearch.data.ImageSet;
import org.lrsearch.data.VerifiedFiles;

/** The parsed MNIST files, once per process and per folder, shared read-only by all runs. */
final class MnistData {
    private static final Map<Path, ImageSet> CACHE = new ConcurrentHashMap<>();

    private MnistData() {
    }

    /** The data in {@code options}' folder, acquired when missing and parsed on first use. */
    static ImageSet get(MnistOptions options) {
        VerifiedFiles files = MnistFiles.of(options);
        return CACHE.computeIfAbsent(files.dir(), d -> parse(files));
    }

    private static ImageSet parse(VerifiedFiles files) {
        Map<String, byte[]> raw = files.loadVerified();
        Path d = files.dir();
        return ImageSet.ofImages("mnist", d,
                IdxReader.parseImages(d.resolve("train-images-idx3-ubyte").toString(), raw.get("train-images-idx3-ubyte")),
                IdxReader.parseLabels(d.resolve("train-labels-idx1-ubyte").toString(), raw.get("train-labels-idx1-ubyte")),
                IdxReader.parseImages(d.resolve("t10k-images-idx3-ubyte").toString(), raw.get("t10k-images-idx3-ubyte")),
                IdxReader.parseLabels(d.resolve("t10k-labels-idx1-ubyte").toString(), raw.get("t10k-labels-idx1-ubyte")),
                10, 255.0);
    }
}
