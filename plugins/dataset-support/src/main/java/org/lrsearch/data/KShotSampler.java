package org.lrsearch.data;

import java.util.SplittableRandom;
import org.lrsearch.api.InvalidOptionException;
import org.lrsearch.api.Selection;

/** Picks k training images per class: the first k in file order, or k at random without replacement. */
public final class KShotSampler {
    private KShotSampler() {
    }

    /**
     * Indices into the training file, class 0's first, then class 1's, and so on.
     *
     * @param byClass each class's indices in file order
     */
    public static int[] sample(int[][] byClass, int shots, Selection selection, long seed) {
        int smallest = Integer.MAX_VALUE;
        for (int[] c : byClass) {
            smallest = Math.min(smallest, c.length);
        }
        InvalidOptionException.require(shots <= smallest, "shots", shots,
                "is more than the smallest class has (" + smallest + " images)");
        int[] out = new int[shots * byClass.length];
        SplittableRandom rng = new SplittableRandom(seed);
        for (int c = 0; c < byClass.length; c++) {
            int[] pool = byClass[c];
            if (selection == Selection.FIRST) {
                System.arraycopy(pool, 0, out, c * shots, shots);
            } else {
                // Partial Fisher-Yates on a copy: k distinct draws, each equally likely.
                int[] copy = pool.clone();
                for (int i = 0; i < shots; i++) {
                    int j = i + rng.nextInt(copy.length - i);
                    int t = copy[i];
                    copy[i] = copy[j];
                    copy[j] = t;
                    out[c * shots + i] = copy[i];
                }
            }
        }
        return out;
    }
}
