package org.lrsearch.cnn;

import org.nd4j.linalg.factory.Nd4j;

/**
 * Loads ND4J's native backend (and with it OpenBLAS) once, and makes every BLAS call single-threaded: the
 * CNN's parallelism is across runs and across blocks of images, where each image's numbers do not depend
 * on how the work is split, so a run's numbers are the same whatever the thread count (a multi-threaded
 * OpenBLAS call may split its sums differently on some CPU kernels).
 */
final class Nd4jSetup {
    private Nd4jSetup() {
    }

    static synchronized void once() {
        Nd4j.factory().blas().setMaxThreads(1);
    }
}
