package org.lrsearch.reporters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lrsearch.api.LrSegment;

class SeedBandsTest {
    @Test
    void eachBucketGivesTheMedianAndRangeOverSeedsAndItsIterations() {
        // Three seeds, four iterations, four linear buckets: one iteration per bucket.
        int[] its = SeedBands.range(3);
        SeedBands.Band b = SeedBands.of(List.of(its, its, its), List.of(new double[] {1, 2, 3, 4},
                new double[] {5, 6, 7, 8}, new double[] {3, Double.NaN, 3, 3}), 3, 4, false);
        assertThat(b.x()).containsExactly(1, 2, 3, 4);
        assertThat(b.median()).containsExactly(3, 4, 3, 4);
        assertThat(b.low()).containsExactly(1, 2, 3, 3);
        assertThat(b.high()).containsExactly(5, 6, 7, 8);
    }

    @Test
    void aRateThatFlipsEveryIterationBecomesABandOfAFewHundredPoints() {
        int last = 9_999;
        double[] lr = new double[last + 1];
        for (int i = 0; i <= last; i++) {
            lr[i] = i % 2 == 0 ? 0.1 : 0.05;
        }
        SeedBands.Band b = SeedBands.of(List.of(SeedBands.range(last)), List.of(lr), last, 280, true);
        assertThat(b.x().length).isLessThanOrEqualTo(280);
        // From the buckets that hold both values on: the band spans δ/2..δ.
        assertThat(b.low()[b.low().length - 1]).isEqualTo(0.05);
        assertThat(b.high()[b.high().length - 1]).isEqualTo(0.1);
        // Log buckets: the first iterations keep their own points.
        assertThat(b.x()[0]).isEqualTo(1.0);
        assertThat(b.x()[1]).isEqualTo(2.0);
    }

    @Test
    void segmentsExpandToOneRatePerIteration() {
        double[] lr = SeedBands.perIteration(List.of(new LrSegment(0, 1, 0.1), new LrSegment(3, 3, 0.2)), 4);
        assertThat(lr).containsExactly(new double[] {0.1, 0.1, Double.NaN, 0.2, Double.NaN}, within(0.0));
    }
}
