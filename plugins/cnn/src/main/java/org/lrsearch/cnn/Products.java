package org.lrsearch.cnn;

/**
 * The products of one model's passes, by its {@code backend} option. Measured here, OpenBLAS called directly
 * wins at every size the CNN has, down to the output layer's 600 multiply-adds (0.33 µs against 0.76 µs in
 * plain loops, copies in and out included), so {@code auto} sends every product to it (docs/CNN.md).
 */
final class Products {
    private Products() {
    }

    /** A fresh instance (they keep per-thread operands) for {@code auto}, {@code nd4j} or {@code jvm}. */
    static Gemm of(String backend) {
        return switch (backend) {
            case "nd4j" -> new Nd4jGemm();
            case "jvm" -> new JvmGemm();
            default -> new BlasGemm();
        };
    }
}
