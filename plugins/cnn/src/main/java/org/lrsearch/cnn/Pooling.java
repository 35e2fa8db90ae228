package org.lrsearch.cnn;

/** 2×2 max-pooling with stride 2 (floor) over channel-major feature maps (docs/CNN.md). */
final class Pooling {
    private Pooling() {
    }

    /** 2×2 max-pooling's values alone: branch-free, as the comparisons on image data are unpredictable. */
    static void values(double[] h, double[] out, int maps, CnnLayout.Conv c, int wo) {
        int ho = c.ho(), hp = c.hp(), wp = c.wp(), o = 0;
        for (int map = 0; map < maps; map++) {
            int base = map * ho * wo;
            for (int y = 0; y < hp; y++) {
                int top = base + 2 * y * wo;
                for (int x = 0; x < wp; x++) {
                    int at = top + 2 * x;
                    out[o++] = Math.max(Math.max(h[at], h[at + 1]), Math.max(h[at + wo], h[at + wo + 1]));
                }
            }
        }
    }

    /**
     * 2×2 max-pooling with stride 2 of {@code maps} maps of ho rows of {@code wo} values in {@code h} (the
     * layer's output width or more: columns past the layer's are never read); {@code arg} receives each
     * window's first maximum in row-major order (PyTorch's rule), where its gradient goes.
     */
    static void withPositions(double[] h, double[] out, int[] arg, int maps, CnnLayout.Conv c, int wo) {
        int ho = c.ho(), hp = c.hp(), wp = c.wp(), o = 0;
        for (int map = 0; map < maps; map++) {
            int base = map * ho * wo;
            for (int y = 0; y < hp; y++) {
                for (int x = 0; x < wp; x++, o++) {
                    int at = base + 2 * y * wo + 2 * x, best = at;
                    if (h[at + 1] > h[best]) {
                        best = at + 1;
                    }
                    if (h[at + wo] > h[best]) {
                        best = at + wo;
                    }
                    if (h[at + wo + 1] > h[best]) {
                        best = at + wo + 1;
                    }
                    out[o] = h[best];
                    arg[o] = best;
                }
            }
        }
    }
}
