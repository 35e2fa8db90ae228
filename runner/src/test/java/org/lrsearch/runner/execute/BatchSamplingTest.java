package org.lrsearch.runner.execute;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BatchSamplingTest {
    @Test
    void withReplacementDrawsUniformlyFromTheSetAndRepeatsForTheSameSeed() {
        Batches a = Batches.withReplacement(10, 4, 42), b = Batches.withReplacement(10, 4, 42);
        int[] counts = new int[10];
        for (int it = 0; it < 5000; it++) {
            int[] x = a.next(it).clone();
            assertThat(x).isEqualTo(b.next(it));
            for (int v : x) {
                counts[v]++;
            }
        }
        // 20,000 draws over 10 examples: each near 2,000 (a 6-sigma band).
        for (int c : counts) {
            assertThat(c).isBetween(1730, 2270);
        }
    }

    @Test
    void epochsVisitEveryExampleOncePerEpochAndReshuffle() {
        Batches e = Batches.epochs(10, 3, 7);
        List<Integer> first = new ArrayList<>(), second = new ArrayList<>();
        for (int it = 0; it < 3; it++) {
            for (int v : e.next(it)) {
                first.add(v);
            }
        }
        for (int it = 3; it < 6; it++) {
            for (int v : e.next(it)) {
                second.add(v);
            }
        }
        // 10 examples, batches of 3: three batches an epoch, the tenth example dropped, no repeats.
        assertThat(first).hasSize(9).doesNotHaveDuplicates();
        assertThat(second).hasSize(9).doesNotHaveDuplicates();
        assertThat(first).isNotEqualTo(second);
        assertThat(IntStream.range(0, 10).boxed().toList()).containsAll(first);
    }
}
