package org.lrsearch.mnist;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.lrsearch.api.DataException;
import org.lrsearch.api.Samples;

/**
 * The parsed MNIST files: training images kept as bytes (47 MB rather than 376 MB of doubles,
 * only the k-shot rows are ever widened), the test set as doubles in [0, 1].
 * Parsed once per process and per folder, shared read-only by all runs.
 */
public final class MnistData {
    private static final Map<Path, MnistData> CACHE = new ConcurrentHashMap<>();

    final IdxReader.Images trainImages;
    final int[] trainLabels;
    final Samples test;
    /** Indices of each class's training images, in file order. */
    final int[][] byClass;

    private MnistData(IdxReader.Images trainImages, int[] trainLabels, Samples test) {
        this.trainImages = trainImages;
        this.trainLabels = trainLabels;
        this.test = test;
        this.byClass = indexByClass(trainLabels, 10);
    }

    /** The data in {@code options}' folder, parsed on first use. */
    public static MnistData get(MnistOptions options) {
        MnistFiles files = new MnistFiles(options);
        return CACHE.computeIfAbsent(files.dir(), d -> parse(files));
    }

    private static MnistData parse(MnistFiles files) {
        Map<String, byte[]> raw = files.loadVerified();
        Path d = files.dir();
        IdxReader.Images train = IdxReader.parseImages(d.resolve("train-images-idx3-ubyte").toString(),
                raw.get("train-images-idx3-ubyte"));
        int[] trainLabels = IdxReader.parseLabels(d.resolve("train-labels-idx1-ubyte").toString(),
                raw.get("train-labels-idx1-ubyte"));
        IdxReader.Images test = IdxReader.parseImages(d.resolve("t10k-images-idx3-ubyte").toString(),
                raw.get("t10k-images-idx3-ubyte"));
        int[] testLabels = IdxReader.parseLabels(d.resolve("t10k-labels-idx1-ubyte").toString(),
                raw.get("t10k-labels-idx1-ubyte"));
        requireSameCount(d, "train", train.count(), trainLabels.length);
        requireSameCount(d, "t10k", test.count(), testLabels.length);
        return new MnistData(train, trainLabels, new Samples(test.count(), test.rows() * test.cols(),
                scale(test.pixels()), testLabels));
    }

    static void requireSameCount(Path dir, String set, int images, int labels) {
        if (images != labels) {
            throw new DataException(dir.resolve(set + "-images") + ": " + images + " images but " + labels
                    + " labels in " + set + "-labels");
        }
    }

    /** Pixels as {@code value / 255.0}, the paper's only normalisation. */
    static double[] scale(byte[] pixels) {
        double[] v = new double[pixels.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = (pixels[i] & 0xFF) / 255.0;
        }
        return v;
    }

    static int[][] indexByClass(int[] labels, int classes) {
        int[] counts = new int[classes];
        for (int l : labels) {
            counts[l]++;
        }
        int[][] idx = new int[classes][];
        for (int c = 0; c < classes; c++) {
            idx[c] = new int[counts[c]];
        }
        int[] fill = new int[classes];
        for (int i = 0; i < labels.length; i++) {
            idx[labels[i]][fill[labels[i]]++] = i;
        }
        return idx;
    }

    /** The training examples at {@code rows}, widened to doubles. */
    Samples trainRows(int[] rows) {
        int f = trainImages.rows() * trainImages.cols();
        double[] v = new double[rows.length * f];
        int[] l = new int[rows.length];
        byte[] px = trainImages.pixels();
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < f; j++) {
                v[i * f + j] = (px[rows[i] * f + j] & 0xFF) / 255.0;
            }
            l[i] = trainLabels[rows[i]];
        }
        return new Samples(rows.length, f, v, l);
    }
}
