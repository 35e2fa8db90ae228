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
}
