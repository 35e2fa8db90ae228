package org.lrsearch.testkit;

import java.util.SplittableRandom;
import org.lrsearch.api.FewShotTask;
import org.lrsearch.api.Samples;

/** Synthetic examples for tests: no files, no network, the same values for the same seed. */
public final class SyntheticData {
    private SyntheticData() {
    }

    /** {@code n} MNIST-like 28×28 images: about a fifth of the pixels non-zero, in k/255; labels 0..9 in turn. */
    public static Samples mnistLike(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] v = new double[n * 784];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 784; j++) {
                v[i * 784 + j] = r.nextInt(5) == 0 ? r.nextInt(1, 256) / 255.0 : 0;
            }
            labels[i] = i % 10;
        }
        return new Samples(n, 784, v, labels);
    }

    /** {@code count} examples with {@code nonZero} random features each (cheap to multiply); labels 0..9 in turn. */
    public static Samples sparse(int count, int features, int nonZero, SplittableRandom rng) {
        double[] v = new double[count * features];
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            for (int k = 0; k < nonZero; k++) {
                v[i * features + rng.nextInt(features)] = rng.nextDouble();
            }
            labels[i] = i % 10;
        }
        return new Samples(count, features, v, labels);
    }

    /** A 10-class task: {@code train} MNIST-like training images (seed 1) and {@code test} test images (seed 2). */
    public static FewShotTask task(int train, int test) {
        return new FewShotTask("synthetic", mnistLike(train, 1), mnistLike(test, 2), 10, new int[train]);
    }
}
