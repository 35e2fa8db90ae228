/**
 * The bundled optimizers of docs/OPTIMIZERS.md: {@code sgd} (the default), {@code momentum} (heavy ball
 * or Nesterov), {@code adam}, {@code adamw}, {@code prodigy} and {@code schedule-free-sgd}, each as its
 * reference implementation computes it (PyTorch's, or the authors' code), in double precision.
 */
package org.lrsearch.optimizers;
