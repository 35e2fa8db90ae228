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
                draw(pool.clone(), shots, rng, out, c * shots);
            }
        }
        return out;
    }

    /**
     * {@code perClass} images of every class drawn at random (seeded) from the training file without the
     * task's k-shot rows {@code exclude}: a validation set, class 0's first. The same seed and k-shot set give
     * the same images, whatever strategy asks.
     */
    public static int[] validation(int[][] byClass, int[] exclude, int perClass, long seed) {
        java.util.Set<Integer> taken = new java.util.HashSet<>();
        for (int r : exclude) {
            taken.add(r);
        }
        int[] out = new int[perClass * byClass.length];
        SplittableRandom rng = new SplittableRandom(seed);
        for (int c = 0; c < byClass.length; c++) {
            int[] pool = java.util.Arrays.stream(byClass[c]).filter(r -> !taken.contains(r)).toArray();
            InvalidOptionException.require(perClass <= pool.length, "validation", perClass,
                    "is more than class " + c + " has left beside the k-shot images (" + pool.length + ")");
            draw(pool, perClass, rng, out, c * perClass);
        }
        return out;
    }

    /** Partial Fisher-Yates on {@code pool} (shuffled in place): k distinct draws, each equally likely, into out. */
    private static void draw(int[] pool, int k, SplittableRandom rng, int[] out, int offset) {
        for (int i = 0; i < k; i++) {
            int j = i + rng.nextInt(pool.length - i);
            int t = pool[i];
            pool[i] = pool[j];
            pool[j] = t;
            out[offset + i] = pool[i];
        }
    }
}
