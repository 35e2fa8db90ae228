package org.lrsearch.mnist;

import java.lang.ref.SoftReference;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.lrsearch.data.IdxReader;
import org.lrsearch.data.ImageSet;
import org.lrsearch.data.VerifiedFiles;

/**
 * The parsed MNIST files, once per process and per folder, shared read-only by all runs. Held softly
 * (110 MB: the training bytes and the test set as doubles): while runs use it, it stays; once they are
 * done and the reporters need the memory (a study of 30,000 runs read back in a 256 MiB heap), the
 * collector may take it back, and a later run parses it again.
 */
final class MnistData {
    private static final Map<Path, SoftReference<ImageSet>> CACHE = new ConcurrentHashMap<>();

    private MnistData() {
    }

    /** The data in {@code options}' folder, acquired when missing and parsed on first use. */
    static ImageSet get(MnistOptions options) {
        VerifiedFiles files = MnistFiles.of(options);
        ImageSet[] held = new ImageSet[1];
        CACHE.compute(files.dir(), (d, ref) -> {
            held[0] = ref == null ? null : ref.get();
            if (held[0] == null) {
                held[0] = parse(files);
                return new SoftReference<>(held[0]);
            }
            return ref;
        });
        return held[0];
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
