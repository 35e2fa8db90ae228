package org.lrsearch.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SignChangeTest {
    @Test
    void countsFlippedSignsAsPercentOfAllComponents() {
        assertThat(SignChange.percent(new double[] {1, -1, 2, -2}, new double[] {-1, -1, 3, 2})).isEqualTo(50.0);
    }

    @Test
    void treatsZeroAsItsOwnSign() {
        // 0 -> 0 is no change; 0 -> positive and negative -> 0 are changes.
        assertThat(SignChange.percent(new double[] {0, 0, -1, 5}, new double[] {0, 1, 0, 5})).isEqualTo(50.0);
    }

    @Test
    void countsNotANumberAsAChange() {
        assertThat(SignChange.percent(new double[] {1, 1}, new double[] {Double.NaN, 1})).isEqualTo(50.0);
    }

    @Test
    void refusesGradientsOfDifferentLength() {
        assertThatThrownBy(() -> SignChange.percent(new double[2], new double[3])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void skippingZerosLeavesOutEveryComponentThatIsZeroAtEitherPoint() {
        double[] before = {0, 1, -1, 2, 0};
        double[] after = {1, 1, 1, 0, 0};
        // flip: 0 → 1, −1 → 1 and 2 → 0 change, 0 → 0 does not: 3 of 5.
        assertThat(SignChange.percent(before, after, SignChange.Zeros.FLIP)).isEqualTo(60.0);
        assertThat(SignChange.percent(before, after)).isEqualTo(60.0);
        // skip: only components 1 and 2 are non-zero at both points, and one of them flips.
        assertThat(SignChange.percent(before, after, SignChange.Zeros.SKIP)).isEqualTo(50.0);
    }

    @Test
    void skippingZerosWithNothingLeftToCompareIsZero() {
        assertThat(SignChange.percent(new double[] {0, 0, 3}, new double[] {1, -1, 0}, SignChange.Zeros.SKIP)).isZero();
        assertThat(SignChange.percent(new double[] {0, 0, 3}, new double[] {1, -1, 0}, SignChange.Zeros.FLIP)).isEqualTo(100.0);
    }
}
