package org.lrsearch.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.lrsearch.api.Samples;
import org.lrsearch.testkit.SyntheticData;

/** The incremental evaluator's kernel cache holds at most its byte bound, however many k-shot sets pass through. */
class KernelCacheTest {

    @Test
    void cacheStaysWithinItsByteBoundOverManyDistinctKShotSets() {
        // 4,000 sparse test images × 100 training images = 3.2 MB per kernel: 1.5 times the bound's worth
        // of distinct k-shot sets, so an unbounded cache would end well above it.
        int testCount = 4000, features = 784, n = 100;
        Samples test = SyntheticData.sparse(testCount, features, 3, new SplittableRandom(1));
        long perKernel = 8L * testCount * n;
        int sets = (int) (1.5 * SharedProducts.KERNEL_CACHE_BYTES / perKernel) + 1;
        ParameterLayout layout = new ParameterLayout(features, 4, 10);
        SplittableRandom rng = new SplittableRandom(2);
        long peak = 0;
        for (int s = 0; s < sets; s++) {
            new IncrementalTestEvaluator(layout, test, SyntheticData.sparse(n, features, 3, rng), false);
            peak = Math.max(peak, SharedProducts.kernelCacheBytes());
        }
        assertThat(peak).isLessThanOrEqualTo(SharedProducts.KERNEL_CACHE_BYTES)
                .isGreaterThan(SharedProducts.KERNEL_CACHE_BYTES / 2);
    }

    @Test
    void aKShotSetSeenAgainReusesItsKernel() {
        Samples test = SyntheticData.sparse(50, 784, 5, new SplittableRandom(3));
        Samples train = SyntheticData.sparse(20, 784, 5, new SplittableRandom(4));
        ParameterLayout layout = new ParameterLayout(784, 4, 10);
        long before = SharedProducts.kernelCacheBytes();
        new IncrementalTestEvaluator(layout, test, train, false);
        long once = SharedProducts.kernelCacheBytes();
        new IncrementalTestEvaluator(layout, test, new Samples(train.count(), train.features(), train.values().clone(),
                train.labels().clone()), false);
        assertThat(SharedProducts.kernelCacheBytes()).isEqualTo(once).isGreaterThanOrEqualTo(before);
    }
}
