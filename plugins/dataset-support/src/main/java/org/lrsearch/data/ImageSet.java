package org.lrsearch.data;

import java.nio.file.Path;
import java.util.List;
import org.lrsearch.api.DataException;
import org.lrsearch.api.FewShotTask;
import org.lrsearch.api.Samples;
import org.lrsearch.api.Seeds;
import org.lrsearch.api.TaskRequest;

/**
 * A labelled training set and test set parsed once per process, from which k-shot tasks are drawn:
 * the training examples stay in their compact form (unsigned bytes for IDX images: 47 MB for MNIST
 * rather than 376 MB of doubles) and only the k-shot rows are widened; the test set is widened once.
 * Values are divided by {@code scale} (255 for pixels: the paper's only normalisation).
 */
public final class ImageSet {
    private final String name;
    private final int features;
    private final IdxReader.Images trainBytes;
    private final double[] trainValues;
    private final int[] trainLabels;
    private final double scale;
    private final Samples test;
    private final int classes;
    private final int[][] byClass;
    private final int[] shape;

    private ImageSet(String name, int features, IdxReader.Images trainBytes, double[] trainValues, int[] trainLabels, double scale,
                     Samples test, int classes, int[] shape) {
        this.name = name;
        this.features = features;
        this.trainBytes = trainBytes;
        this.trainValues = trainValues;
        this.trainLabels = trainLabels;
        this.scale = scale;
        this.test = test;
        this.classes = classes;
        this.byClass = indexByClass(trainLabels, classes);
        this.shape = shape;
    }

    /**
     * From IDX images of unsigned bytes.
     *
     * @param classes the number of classes, or 0 to take max label + 1
     */
    public static ImageSet ofImages(String name, Path dir, IdxReader.Images train, int[] trainLabels,
                                    IdxReader.Images test, int[] testLabels, int classes, double scale) {
        requireSameCount(dir, "train", train.count(), trainLabels.length);
        requireSameCount(dir, "test", test.count(), testLabels.length);
        if (train.rows() != test.rows() || train.cols() != test.cols()) {
            throw new DataException(dir + ": training images are " + train.rows() + "x" + train.cols()
                    + ", test images " + test.rows() + "x" + test.cols());
        }
        int f = train.rows() * train.cols();
        double[] tv = new double[test.size()];
        for (int i = 0; i < tv.length; i++) {
            tv[i] = test.pixel(i) / scale;
        }
        int c = classes(dir, trainLabels, testLabels, classes);
        int[] shape = {1, train.rows(), train.cols()};
        return new ImageSet(name, f, train, null, trainLabels, scale,
                new Samples(test.count(), f, tv, testLabels, shape), c, shape);
    }

    /** From IDX arrays of any type and shape ({@code [n][...]} values, {@code [n]} labels). */
    public static ImageSet ofArrays(String name, Path dir, IdxReader.IdxArray train, IdxReader.IdxArray trainLabels,
                                    IdxReader.IdxArray test, IdxReader.IdxArray testLabels, int classes, double scale) {
        requireSameCount(dir, "train", train.count(), trainLabels.count());
        requireSameCount(dir, "test", test.count(), testLabels.count());
        if (train.itemSize() != test.itemSize()) {
            throw new DataException(dir + ": training examples have " + train.itemSize() + " values, test examples "
                    + test.itemSize());
        }
        int f = train.itemSize();
        double[] trv = train.values().clone();
        double[] tev = test.values().clone();
        for (int i = 0; i < trv.length; i++) {
            trv[i] /= scale;
        }
        for (int i = 0; i < tev.length; i++) {
            tev[i] /= scale;
        }
        int[] trl = labels(dir, "train", trainLabels), tel = labels(dir, "test", testLabels);
        int c = classes(dir, trl, tel, classes);
        int[] shape = train.dims().length == 3 ? new int[] {1, train.dims()[1], train.dims()[2]}
                : train.dims().length == 4 ? new int[] {train.dims()[1], train.dims()[2], train.dims()[3]} : null;
        return new ImageSet(name, f, null, trv, trl, 1.0, new Samples(test.count(), f, tev, tel, shape), c, shape);
    }

    /** Labels as class numbers: whole, non-negative. */
    private static int[] labels(Path dir, String set, IdxReader.IdxArray a) {
        int[] l = new int[a.values().length];
        for (int i = 0; i < l.length; i++) {
            double v = a.values()[i];
            if (v < 0 || v != Math.rint(v) || v > Integer.MAX_VALUE) {
                throw new DataException(dir + ": " + set + " label " + i + " is " + v + ", not a class number >= 0");
            }
            l[i] = (int) v;
        }
        return l;
    }

    private static int classes(Path dir, int[] train, int[] test, int declared) {
        int max = -1;
        for (int l : train) {
            max = Math.max(max, l);
        }
        int trainMax = max;
        for (int l : test) {
            max = Math.max(max, l);
        }
        if (declared > 0 && max >= declared) {
            throw new DataException(dir + ": a label is " + max + ", but the dataset declares " + declared + " classes");
        }
        if (max > trainMax) {
            throw new DataException(dir + ": the test set has class " + max + ", which no training example has");
        }
        return declared > 0 ? declared : max + 1;
    }

    public static void requireSameCount(Path dir, String set, int images, int labels) {
        if (images != labels) {
            throw new DataException(dir.resolve(set + "-images") + ": " + images + " images but " + labels
                    + " labels in " + set + "-labels");
        }
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

    public Samples test() {
        return test;
    }

    public int classes() {
        return classes;
    }

    /** (channels, height, width) of an image, or null when the examples are not images. */
    public int[] shape() {
        return shape == null ? null : shape.clone();
    }

    /** The task of {@code request}: k examples per class (seeded by the run's seed when random), the whole test set. */
    public FewShotTask task(TaskRequest request) {
        int[] rows = KShotSampler.sample(byClass, request.shots(), request.selection(),
                Seeds.derive(request.seed(), "k-shot"));
        Samples validation = request.validation() == 0 ? null : trainRows(KShotSampler.validation(byClass, rows,
                request.validation(), Seeds.derive(request.seed(), "validation")));
        return new FewShotTask(name + "/" + request.shots() + "-shot/" + request.selection().key(), trainRows(rows), test,
                classes, rows, validation);
    }

    /** The training examples at {@code rows}, widened to doubles. */
    Samples trainRows(int[] rows) {
        double[] v = new double[rows.length * features];
        int[] l = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < features; j++) {
                int k = rows[i] * features + j;
                v[i * features + j] = trainBytes != null ? trainBytes.pixel(k) / scale : trainValues[k];
            }
            l[i] = trainLabels[rows[i]];
        }
        return new Samples(rows.length, features, v, l, shape);
    }

    /** Every class's size, for messages. */
    public List<Integer> classSizes() {
        return java.util.Arrays.stream(byClass).map(c -> c.length).toList();
    }
}
