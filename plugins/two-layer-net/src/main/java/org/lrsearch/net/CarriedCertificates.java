package org.lrsearch.net;

import java.util.Arrays;

/**
 * Which test images an evaluation must compute, and which keep their last prediction because the
 * parameters have provably not moved far enough since to change it (docs/EVALUATION.md §6).
 *
 * <p>An image computed at an earlier evaluation r left a certificate with room to spare: its top two
 * fast logits were apart by its bound 4B and a slack more. Between r and now each logit of the exact
 * function of the stored parameters moved by at most
 *
 * <pre>  C = Δ(W2, b2) + ¼·max_k Σ_j |W2[j][k]|·(Δb1_j + Σ_t |x·x_t|·ΔA_tj)</pre>
 *
 * (σ's slope is at most 1/4; W1 = W1(0) + X_trainᵀA moves only through A), and the direct pass's logits
 * are within B of the exact ones at either evaluation. So where the slack exceeds 2(C + B_now) the
 * direct pass still has the same unique maximum, and the image is not computed again. The distances
 * travelled are kept as running sums of each evaluation's movement, rounded up, with |W2| taken as its
 * largest value so far (at least its value at any r): per row t of A, max_k Σ_j |W2[j][k]|·|ΔA_tj|, so
 * that an image's C is a few subtractions against what the sums were when it was last computed, and
 * Σ_t |K_it|·(row t's sum) one pass of N multiply-adds per image (the computation it saves costs
 * N·h + 11·h).
 */
final class CarriedCertificates {
    private final ParameterLayout l;
    private final double[][] kernel;
    private final int n;
    private final int nTrain;
    /** Per test image, how far |K_it| can be from |x·x_t| (the kernel's rounding, §3). */
    private final double[] kernelError;
    /** Relative error of an S_i sum (N products and sums), taken generously for the subtraction too. */
    private final double gammaS;

    /** Per training image t, the distance row t of A has travelled, weighted by |W2| (max over classes), summed over evaluations. */
    private final double[] pathA;
    private double pathAll;
    private double pathOut;
    private double pathB1;
    /** A and θ from b1 on at the last evaluation, or null when there is none to measure from. */
    private double[] lastA;
    private double[] lastTail;

    /** Per image, at its last computation: slack and the sums then. */
    private final double[] slack;
    private final double[] outAt;
    private final double[] b1At;
    private final double[] allAt;
    private final double[] sAt;
    /** max over evaluations so far of |W2[j][k]|, entry by entry. */
    private final double[] w2Max;
    private final double[] change;
    /** Per image, Σ_t |K_it|·pathA_t now. */
    private final double[] s;
    /** Per image, slack − 2(C + B) now: the image is carried where this is positive. */
    private final double[] room;
    /** The images the last {@link #select} call asked for, ascending. */
    final int[] needed;

    /** Sees each image's C (how far its exact logits may have moved since its last computation) and B now. */
    interface Witness {
        void moved(int image, double c, double b);
    }

    /** Tests only: told every image's C and B at each evaluation; null in real runs. */
    static Witness witness;

    /** @param kernelError per test image, the kernel's rounding ({@link EvaluationBounds#kernelEntryError}) */
    CarriedCertificates(ParameterLayout l, double[][] kernel, double[] kernelError) {
        this.l = l;
        this.kernel = kernel;
        this.n = kernelError.length;
        this.nTrain = kernel.length;
        this.kernelError = kernelError;
        gammaS = 4 * CertifiedPredictions.gamma(nTrain + 2);
        pathA = new double[nTrain];
        slack = new double[n];
        outAt = new double[n];
        b1At = new double[n];
        allAt = new double[n];
        sAt = new double[n];
        w2Max = new double[l.hidden() * l.out()];
        change = new double[l.hidden()];
        s = new double[n];
        room = new double[n];
        needed = new int[n];
        forget();
    }

    /** θ was replaced (a new W1(0)): nothing carries over. */
    void forget() {
        Arrays.fill(slack, Double.NEGATIVE_INFINITY);
        lastA = null;
    }

    /**
     * Adds the movement since the last evaluation to the running sums, then lists in {@link #needed} the
     * images whose predictions cannot be carried to this one.
     *
     * @param zError per image, the bound on its hidden pre-activations' error now ({@link EvaluationBounds})
     * @param zBound per image, the bound on their magnitude now
     * @return how many images are listed
     */
    int select(double[] theta, double[] a, double[] zError, double[] zBound, CertifiedPredictions.Scales sc) {
        move(theta, a);
        sums();
        // One pass the JIT vectorises (every array indexed alike, no branch), then the list.
        for (int i = 0; i < n; i++) {
            room[i] = slack[i] - 2 * (moved(i) + CertifiedPredictions.bound(zError[i], zBound[i], sc)) * (1 + 1e-12);
        }
        if (witness != null) {
            tell(zError, zBound, sc);
        }
        // Without a branch: which images need computing has no pattern to predict.
        int m = 0;
        for (int i = 0; i < n; i++) {
            needed[m] = i;
            m += room[i] > 0 ? 0 : 1;
        }
        return m;
    }

    /**
     * S_i = Σ_t |K_it|·pathA_t for every image: over blocks of images that stay in L1, four kernel
     * rows per pass (S loaded and stored once per four), as {@link KernelRows#accumulate} does.
     */
    private void sums() {
        for (int i0 = 0; i0 < n; i0 += KernelRows.IMAGE_BLOCK) {
            int i1 = Math.min(n, i0 + KernelRows.IMAGE_BLOCK);
            Arrays.fill(s, i0, i1, 0);
            int t = 0;
            for (; t + 4 <= nTrain; t += 4) {
                double[] k0 = kernel[t], k1 = kernel[t + 1], k2 = kernel[t + 2], k3 = kernel[t + 3];
                double p0 = pathA[t], p1 = pathA[t + 1], p2 = pathA[t + 2], p3 = pathA[t + 3];
                for (int i = i0; i < i1; i++) {
                    s[i] = (((s[i] + Math.abs(k0[i]) * p0) + Math.abs(k1[i]) * p1) + Math.abs(k2[i]) * p2) + Math.abs(k3[i]) * p3;
                }
            }
            for (; t < nTrain; t++) {
                double[] k = kernel[t];
                double p = pathA[t];
                for (int i = i0; i < i1; i++) {
                    s[i] += Math.abs(k[i]) * p;
                }
            }
        }
    }

    /** C of image i: how far its exact logits can have moved since it was last computed. */
    private double moved(int i) {
        // Σ_t |x·x_t|·ΔA_t, with the two S sums' rounding and then the kernel's own.
        double kernelTerms = (s[i] - sAt[i]) + gammaS * (s[i] + sAt[i]) + kernelError[i] * (pathAll - allAt[i]);
        return (pathOut - outAt[i]) + 0.25 * ((pathB1 - b1At[i]) + kernelTerms);
    }

    /** max_k Σ_j w2Max[j][k]·d[j]: how far a change d of the hidden pre-activations can move a logit, over σ's slope. */
    private double weighted(double[] d, int h, int out) {
        double worst = 0;
        for (int k = 0; k < out; k++) {
            double sum = 0;
            for (int j = 0; j < h; j++) {
                sum += w2Max[j * out + k] * d[j];
            }
            worst = Math.max(worst, sum);
        }
        return worst;
    }

    /** Tells the witness each image's C and B (the margin's two parts, as {@link #select} computes them). */
    private void tell(double[] zError, double[] zBound, CertifiedPredictions.Scales sc) {
        for (int i = 0; i < n; i++) {
            witness.moved(i, moved(i), CertifiedPredictions.bound(zError[i], zBound[i], sc));
        }
    }

    /** Image {@code i} was computed now and left {@code slackNow} (−∞ where it was recomputed exactly). */
    void computed(int i, double slackNow) {
        slack[i] = slackNow;
        outAt[i] = pathOut;
        b1At[i] = pathB1;
        allAt[i] = pathAll;
        sAt[i] = s[i];
    }

    /** Every image was computed now, with these slacks. */
    void computedAll(double[] slackNow) {
        System.arraycopy(slackNow, 0, slack, 0, n);
        Arrays.fill(outAt, pathOut);
        Arrays.fill(b1At, pathB1);
        Arrays.fill(allAt, pathAll);
        System.arraycopy(s, 0, sAt, 0, n);
    }

    /**
     * The running sums, each addition rounded up (so each sum is at least the exact one): per row of A
     * and for b1, the change weighted by |W2| so far (max over classes of Σ_j |W2[j][k]|·|Δ_j|); for the
     * output layer the largest Σ_j |ΔW2[j][k]| + |Δb2[k]| over classes.
     */
    private void move(double[] theta, double[] a) {
        int h = l.hidden(), out = l.out(), b1 = l.b1(), w2 = l.w2() - b1, b2 = l.b2() - b1;
        // |W2| so far, entry by entry: at least |W2| at any earlier evaluation, whichever an image's r is.
        for (int p = 0; p < h * out; p++) {
            w2Max[p] = Math.max(w2Max[p], Math.abs(theta[l.w2() + p]));
        }
        double round = 1 + 2 * CertifiedPredictions.gamma(h + 2);
        if (lastA != null) {
            // Row t's change, weighted by how much each hidden unit can move a logit: max_k Σ_j |W2[j][k]|·|ΔA_tj|.
            for (int t = 0; t < nTrain; t++) {
                for (int j = 0; j < h; j++) {
                    change[j] = Math.abs(a[t * h + j] - lastA[t * h + j]);
                }
                double m = Math.nextUp(weighted(change, h, out) * round);
                pathA[t] = Math.nextUp(pathA[t] + m);
                pathAll = Math.nextUp(pathAll + m);
            }
            for (int j = 0; j < h; j++) {
                change[j] = Math.abs(theta[b1 + j] - lastTail[j]);
            }
            pathB1 = Math.nextUp(pathB1 + Math.nextUp(weighted(change, h, out) * round));
            double moveOut = 0;
            for (int k = 0; k < out; k++) {
                double d = Math.abs(theta[b1 + b2 + k] - lastTail[b2 + k]);
                for (int j = 0; j < h; j++) {
                    d += Math.abs(theta[b1 + w2 + j * out + k] - lastTail[w2 + j * out + k]);
                }
                moveOut = Math.max(moveOut, d);
            }
            pathOut = Math.nextUp(pathOut + Math.nextUp(moveOut * round));
        } else {
            lastA = new double[a.length];
            lastTail = new double[l.size() - b1];
        }
        System.arraycopy(a, 0, lastA, 0, a.length);
        System.arraycopy(theta, b1, lastTail, 0, lastTail.length);
    }
}
