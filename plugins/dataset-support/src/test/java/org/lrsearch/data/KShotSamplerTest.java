package org.lrsearch.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.lrsearch.api.InvalidOptionException;
import org.lrsearch.api.Selection;

class KShotSamplerTest {
    static final int[][] BY_CLASS = {{0, 3, 6, 9}, {1, 4, 7}, {2, 5, 8}};

    @Test
    void firstSelectionTakesFirstKOfEachClassInFileOrder() {
        assertThat(KShotSampler.sample(BY_CLASS, 2, Selection.FIRST, 99)).containsExactly(0, 3, 1, 4, 2, 5);
    }

    @Test
    void randomSelectionIsSeededDistinctAndFromTheRightClass() {
        int[] a = KShotSampler.sample(BY_CLASS, 3, Selection.RANDOM, 7);
        assertThat(a).isEqualTo(KShotSampler.sample(BY_CLASS, 3, Selection.RANDOM, 7));
        for (int c = 0; c < 3; c++) {
            int[] picked = Arrays.copyOfRange(a, c * 3, c * 3 + 3);
            assertThat(Arrays.stream(picked).distinct().count()).isEqualTo(3);
            for (int p : picked) {
                assertThat(BY_CLASS[c]).contains(p);
            }
        }
        boolean differs = false;
        for (long seed = 0; seed < 20 && !differs; seed++) {
            differs = !Arrays.equals(a, KShotSampler.sample(BY_CLASS, 3, Selection.RANDOM, seed));
        }
        assertThat(differs).isTrue();
    }

    @Test
    void validationImagesAreDisjointFromTheKShotSetPerClassAndTheSameForTheSameSeed() {
        for (long seed = 0; seed < 20; seed++) {
            int[] kShot = KShotSampler.sample(BY_CLASS, 1, Selection.RANDOM, seed);
            int[] validation = KShotSampler.validation(BY_CLASS, kShot, 2, seed + 100);
            assertThat(validation).hasSize(6).doesNotContain(kShot);
            assertThat(Arrays.stream(validation).distinct().count()).isEqualTo(6);
            for (int c = 0; c < 3; c++) {
                assertThat(BY_CLASS[c]).contains(validation[2 * c], validation[2 * c + 1]);
            }
            // Whatever strategy asks: the same seed and k-shot set give the same images.
            assertThat(KShotSampler.validation(BY_CLASS, kShot, 2, seed + 100)).isEqualTo(validation);
        }
        assertThatThrownBy(() -> KShotSampler.validation(BY_CLASS, new int[] {1, 2}, 3, 0))
                .isInstanceOf(InvalidOptionException.class)
                .hasMessageContaining("class 1 has left beside the k-shot images (2)")
                .satisfies(e -> assertThat(((InvalidOptionException) e).key()).isEqualTo("validation"));
    }

    @Test
    void refusesMoreShotsThanTheSmallestClassHas() {
        assertThatThrownBy(() -> KShotSampler.sample(BY_CLASS, 4, Selection.FIRST, 0))
                .isInstanceOf(InvalidOptionException.class).hasMessageContaining("smallest class has (3 images)");
    }
}
