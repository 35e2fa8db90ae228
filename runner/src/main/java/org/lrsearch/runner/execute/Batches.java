package org.lrsearch.runner.execute;

import java.util.SplittableRandom;

/** Supplies the minibatch of each iteration as row indices into the training set. */
public interface Batches {
    int[] next(int iteration);

    /** Minibatches drawn uniformly with replacement from {@code n} examples (docs/METHOD.md §1). */
    static Batches withReplacement(int n, int batchSize, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int[] batch = new int[batchSize];
        return it -> {
            for (int b = 0; b < batchSize; b++) {
                batch[b] = rng.nextInt(n);
            }
            return batch;
        };
    }

    /** Epochs: shuffle, then consecutive batches; a last partial batch is dropped. */
    static Batches epochs(int n, int batchSize, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int perEpoch = Math.max(n / batchSize, 1);
        int[] perm = new int[n];
        int[] batch = new int[Math.min(batchSize, n)];
        return it -> {
            int k = it % perEpoch;
            if (k == 0) {
                for (int i = 0; i < n; i++) {
                    perm[i] = i;
                }
                for (int i = n - 1; i > 0; i--) {
                    int j = rng.nextInt(i + 1);
                    int t = perm[i];
                    perm[i] = perm[j];
                    perm[j] = t;
                }
            }
            System.arraycopy(perm, k * batch.length, batch, 0, batch.length);
            return batch;
        };
    }
}
