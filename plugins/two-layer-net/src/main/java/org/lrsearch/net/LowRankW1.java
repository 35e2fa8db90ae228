package org.lrsearch.net;

import java.util.Arrays;

/**
 * The first layer's weights in low-rank form. Every update is θ ← θ − η·g with
 * {@code ∂L/∂W1 = Xᵀ·dh} over k-shot images, so W1 only ever moves along the N training images:
 * {@code W1(t) = W1(0) + X_trainᵀ·A(t)} with A of size N×h. This keeps A and the training set's
 * pre-activations {@code Z = X_train·W1(t)} (N×h) instead of W1: a minibatch's forward pass reads
 * its rows of Z, an update adds {@code −η·(X·Xᵀ)·dh} to Z through the k-shot Gram matrix, and W1
 * itself is rebuilt only when asked for. Nothing is approximated; sums are only associated
 * differently.
 */
final class LowRankW1 {
    private final ParameterLayout l;
    private final int h;
    private final int nTrain;
    final SparseRows train;
    /** Gram matrix of the training set, {@code N×N}. */
    private final double[] gram;
    /** A(t), N×h. */
    final double[] a;
    /** X_train·W1(t), N×h, bias not included. */
    final double[] z;
    /** W1(0), where A started. */
    private double[] origin;
    /** Whether θ's W1 block equals W1(0) + X_trainᵀ·A. */
    private boolean materialised;
    private final double[] dz;
    /** h zeros: the start of a sum with no earlier terms. */
    private final double[] zeros;
    private double[] coef = new double[0];

    LowRankW1(ParameterLayout l, SparseRows train) {
        this.l = l;
        this.h = l.hidden();
        this.train = train;
        this.nTrain = train.count;
        this.gram = new double[nTrain * nTrain];
        for (int i = 0; i < nTrain; i++) {
            for (int j = 0; j <= i; j++) {
                double d = train.dot(i, j);
                gram[i * nTrain + j] = d;
                gram[j * nTrain + i] = d;
            }
        }
        this.a = new double[nTrain * h];
        this.z = new double[nTrain * h];
        this.dz = new double[h];
        this.zeros = new double[h];
    }

    /** θ's W1 block was replaced: it becomes W1(0) (returned, not copied again), A restarts from 0. */
    double[] restart(double[] theta) {
        origin = Arrays.copyOfRange(theta, l.w1(), l.b1());
        zOrigin = null;
        materialised = true;
        Arrays.fill(a, 0.0);
        System.arraycopy(train.times(origin, 0, h), 0, z, 0, z.length);
        return origin;
    }

    /** W1(0), where tracking last restarted. */
    double[] origin() {
        return origin;
    }

    /** Writes W1 = W1(0) + X_trainᵀ·A into θ's W1 block, unless it is current already. */
    void materialise(double[] theta) {
        if (materialised) {
            return;
        }
        System.arraycopy(origin, 0, theta, l.w1(), origin.length);
        for (int t = 0; t < nTrain; t++) {
            for (int e = train.start[t]; e < train.start[t + 1]; e++) {
                double v = train.val[e];
                int w = l.w1() + train.col[e] * h;
                for (int j = 0; j < h; j++) {
                    theta[w + j] += v * a[t * h + j];
                }
            }
        }
        materialised = true;
    }

    /**
     * d1 = X·gW1 + gb1 = (X·Xᵀ)·dh + gb1: the direction in which a trial step moves the minibatch's
     * first-layer pre-activations.
     */
    void trialDirection(int[] batch, int n, double[] dh, double[] g, double[] d1) {
        for (int b = 0; b < n; b++) {
            int bh = b * h;
            Arrays.fill(d1, bh, bh + h, 0.0);
            for (int c = 0; c < n; c++) {
                double k = gram[batch[b] * nTrain + batch[c]];
                int ch = c * h;
                for (int j = 0; j < h; j++) {
                    d1[bh + j] += k * dh[ch + j];
                }
            }
            for (int j = 0; j < h; j++) {
                d1[bh + j] += g[l.b1() + j];
            }
        }
    }

    /**
     * ‖Xᵀ·dh‖², the squared norm of the first layer's gradient over the minibatch's rows, through the
     * Gram matrix: Σ_b Σ_c (x_b·x_c)(dh_b·dh_c), n²·h operations instead of forming a 784×h matrix.
     */
    double gradientNormSq(int[] batch, int n, double[] dh) {
        double s = 0;
        for (int b = 0; b < n; b++) {
            for (int c = 0; c < n; c++) {
                double k = gram[batch[b] * nTrain + batch[c]];
                if (k == 0) {
                    continue;
                }
                double d = 0;
                for (int j = 0; j < h; j++) {
                    d += dh[b * h + j] * dh[c * h + j];
                }
                s += k * d;
            }
        }
        return s;
    }

    /** A gradient kept in low-rank form: the minibatch's rows, its ∂L/∂z1, and g past the first layer's weights. */
    record Gradient(int[] batch, double[] dh, double[] rest) {
    }

    Gradient keep(int[] batch, int n, double[] dh, double[] g) {
        return new Gradient(Arrays.copyOf(batch, n), Arrays.copyOf(dh, n * h), Arrays.copyOfRange(g, l.b1(), g.length));
    }

    /** g · kept, g the current gradient (minibatch rows {@code batch}, ∂L/∂z1 {@code dh}, full vector {@code g}). */
    double dot(Gradient kept, int[] batch, int n, double[] dh, double[] g) {
        double s = gradientDot(batch, n, dh, kept.batch(), kept.dh());
        for (int i = 0; i < kept.rest().length; i++) {
            s += g[l.b1() + i] * kept.rest()[i];
        }
        return s;
    }

    /**
     * v · kept for a dense v in θ's layout: the first layer as Σ_b Σ_p x_b[p]·(v_W1[p]·dh_b) over the kept
     * rows' non-zero pixels (never forming Xᵀ·dh), the rest directly.
     */
    double dot(Gradient kept, double[] v) {
        double s = 0;
        for (int b = 0; b < kept.batch().length; b++) {
            int t = kept.batch()[b];
            for (int e = train.start[t]; e < train.start[t + 1]; e++) {
                int w = l.w1() + train.col[e] * h;
                double d = 0;
                for (int j = 0; j < h; j++) {
                    d += v[w + j] * kept.dh()[b * h + j];
                }
                s += train.val[e] * d;
            }
        }
        for (int i = 0; i < kept.rest().length; i++) {
            s += v[l.b1() + i] * kept.rest()[i];
        }
        return s;
    }

    /**
     * (Xᵀ·dh)·(Xᵀ·dh') = Σ_b Σ_c (x_b·x'_c)(dh_b·dh'_c) for two minibatches of the same training set:
     * the first-layer part of a dot product of two gradients, through the Gram matrix.
     */
    double gradientDot(int[] batch, int n, double[] dh, int[] otherBatch, double[] otherDh) {
        double s = 0;
        for (int b = 0; b < n; b++) {
            for (int c = 0; c < otherBatch.length; c++) {
                double k = gram[batch[b] * nTrain + otherBatch[c]];
                if (k == 0) {
                    continue;
                }
                double d = 0;
                for (int j = 0; j < h; j++) {
                    d += dh[b * h + j] * otherDh[c * h + j];
                }
                s += k * d;
            }
        }
        return s;
    }

    /** The whole training set's pre-activations (bias included) at θ − η·g, into {@code out}. */
    void trialPreActivations(double eta, int[] batch, int n, double[] dh, double[] theta, double[] g, double[] out) {
        for (int i = 0; i < nTrain; i++) {
            int ih = i * h;
            System.arraycopy(z, ih, out, ih, h);
            for (int c = 0; c < n; c++) {
                double k = gram[i * nTrain + batch[c]];
                for (int j = 0; j < h; j++) {
                    out[ih + j] -= eta * (k * dh[c * h + j]);
                }
            }
            for (int j = 0; j < h; j++) {
                out[ih + j] = (out[ih + j] + theta[l.b1() + j]) - eta * g[l.b1() + j];
            }
        }
    }

    /**
     * W1 ← W1 − η·Xᵀ·dh, kept as A ← A − η·dh on the minibatch's rows and Z ← Z − η·(X·Xᵀ)·dh. Each
     * row of Z takes {@code z − η·dz} with {@code dz = Σ_b K[i,b]·dh_b} summed from 0 in batch order, as
     * {@link RowSums#accumulate} sums; the last (up to four) terms are added in the same pass that subtracts
     * from z, so a batch of four or fewer reads and writes each row once.
     */
    void step(double eta, int[] batch, int n, double[] dh) {
        if (coef.length != n) {
            coef = new double[n];
        }
        for (int b = 0; b < n; b++) {
            int ar = batch[b] * h, bh = b * h;
            for (int j = 0; j < h; j++) {
                a[ar + j] -= eta * dh[bh + j];
            }
        }
        // Terms before the last group go through dz; the last group joins the subtraction.
        int last = n - ((n - 1) % 4 + 1);
        for (int i = 0; i < nTrain; i++) {
            boolean touched = false;
            for (int b = 0; b < n; b++) {
                coef[b] = gram[i * nTrain + batch[b]];
                touched |= coef[b] != 0;
            }
            if (!touched) {
                continue;
            }
            double[] base = zeros;
            if (last > 0) {
                Arrays.fill(dz, 0.0);
                RowSums.accumulate(dz, 0, coef, 0, last, dh, h);
                base = dz;
            }
            RowSums.subtract(z, i * h, eta, base, coef, last, n - last, dh, h);
        }
        materialised = false;
    }

    /** X_train·W1(0), for points given by their coefficients A (compact coordinates); computed on first need. */
    private double[] zOrigin;

    private double[] zOrigin() {
        if (zOrigin == null) {
            zOrigin = train.times(origin, 0, h);
        }
        return zOrigin;
    }

    /** Rows {@code rows[0..count)} of X_train·W1 for W1 = W1(0) + X_trainᵀ·C, C the first N×h numbers of {@code c}. */
    void preActivations(double[] c, int[] rows, int count, double[] out) {
        double[] z0 = zOrigin();
        for (int b = 0; b < count; b++) {
            System.arraycopy(z0, rows[b] * h, out, b * h, h);
            RowSums.accumulate(out, b * h, gram, rows[b] * nTrain, nTrain, c, h);
        }
    }

    /** A ← C (the first N×h numbers of {@code c}), Z with it. */
    void moveTo(double[] c) {
        System.arraycopy(c, 0, a, 0, nTrain * h);
        double[] z0 = zOrigin();
        for (int i = 0; i < nTrain; i++) {
            System.arraycopy(z0, i * h, z, i * h, h);
            RowSums.accumulate(z, i * h, gram, i * nTrain, nTrain, a, h);
        }
        materialised = false;
    }

    /** ⟨Xᵀ·U, Xᵀ·V⟩ = Σ_t ⟨U_t, (K·V)_t⟩ for coefficient blocks U, V (the first N×h numbers of each). */
    double dot(double[] u, double[] v, double[] scratch) {
        double s = 0;
        for (int t = 0; t < nTrain; t++) {
            Arrays.fill(scratch, 0, h, 0.0);
            RowSums.accumulate(scratch, 0, gram, t * nTrain, nTrain, v, h);
            for (int j = 0; j < h; j++) {
                s += u[t * h + j] * scratch[j];
            }
        }
        return s;
    }

    /** Pixels whose W1 rows the last {@link #writeGradient} filled: only those rows are cleared next time. */
    private boolean[] isActive;
    private int[] active;
    private int activeCount;

    /** Writes ∂L/∂W1 = X_Bᵀ·dh into g's W1 block, clearing only the rows the previous call filled. */
    void writeGradient(ParameterLayout layout, int[] batch, int n, double[] dh, double[] g) {
        if (isActive == null) {
            isActive = new boolean[layout.in()];
            active = new int[layout.in()];
        }
        for (int i = 0; i < activeCount; i++) {
            isActive[active[i]] = false;
            Arrays.fill(g, active[i] * h, active[i] * h + h, 0.0);
        }
        activeCount = 0;
        for (int b = 0; b < n; b++) {
            int row = batch[b];
            for (int e = train.start[row]; e < train.start[row + 1]; e++) {
                if (!isActive[train.col[e]]) {
                    isActive[train.col[e]] = true;
                    active[activeCount++] = train.col[e];
                }
            }
        }
        DenseLayers.addFirstLayerGradient(layout, train, batch, n, dh, g);
    }

    /** W1 is finite exactly when W1(0) and A are (W1(0) was finite when set, and X is). */
    boolean isFinite() {
        for (double v : a) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }
}
