package org.lrsearch.data;

import java.io.ByteArrayOutputStream;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.lrsearch.api.DataException;

/**
 * Reads IDX files (the format of MNIST and its relatives), raw or gzip-compressed (decided by the
 * {@code .gz} ending): any element type (unsigned or signed byte, short, int, float, double) and any
 * number of dimensions through {@link #parse}; images ({@code [n][rows][cols]} unsigned bytes) and
 * labels through the shortcuts MNIST-like sets need. Every structural fault (short file, wrong magic
 * number, sizes that disagree) is a {@link DataException} naming the file, so a truncated download
 * is never trained on.
 */
public final class IdxReader {
    static final int IMAGES_MAGIC = 0x00000803;
    static final int LABELS_MAGIC = 0x00000801;

    /** An IDX array of any type and shape, its values widened to double, row-major. */
    public record IdxArray(int[] dims, double[] values) {
        /** Number of items along the first dimension. */
        public int count() {
            return dims.length == 0 ? 1 : dims[0];
        }

        /** Values per item: the product of the other dimensions. */
        public int itemSize() {
            int s = 1;
            for (int i = 1; i < dims.length; i++) {
                s *= dims[i];
            }
            return s;
        }
    }

    /** Any IDX content: magic {@code 0x0000TTDD} (T the element type, D the number of dimensions). */
    public static IdxArray parse(String name, byte[] bytes) {
        if (bytes.length < 4 || bytes[0] != 0 || bytes[1] != 0) {
            throw new DataException(name + ": not an IDX file (the first two bytes must be 0)");
        }
        int type = bytes[2] & 0xFF, nd = bytes[3] & 0xFF;
        int width = switch (type) {
            case 0x08, 0x09 -> 1;
            case 0x0B -> 2;
            case 0x0C, 0x0D -> 4;
            case 0x0E -> 8;
            default -> throw new DataException(String.format(java.util.Locale.ROOT,
                    "%s: unknown IDX element type 0x%02x (known: 0x08 ubyte, 0x09 byte, 0x0B short, 0x0C int, "
                            + "0x0D float, 0x0E double)", name, type));
        };
        if (bytes.length < 4 + 4L * nd) {
            throw new DataException(name + ": truncated: " + bytes.length + " bytes, shorter than its IDX header");
        }
        ByteBuffer b = ByteBuffer.wrap(bytes);
        int[] dims = new int[nd];
        long n = 1;
        for (int i = 0; i < nd; i++) {
            dims[i] = b.getInt(4 + 4 * i);
            if (dims[i] < 0) {
                throw new DataException(name + ": negative dimension " + dims[i]);
            }
            n *= dims[i];
        }
        long header = 4 + 4L * nd;
        if (bytes.length != header + n * width) {
            throw new DataException(name + ": truncated or padded: header says " + n + " values of " + width
                    + " bytes (" + (header + n * width) + " bytes), file has " + bytes.length + " bytes");
        }
        double[] v = new double[(int) n];
        b.position((int) header);
        for (int i = 0; i < n; i++) {
            v[i] = switch (type) {
                case 0x08 -> b.get() & 0xFF;
                case 0x09 -> b.get();
                case 0x0B -> b.getShort();
                case 0x0C -> b.getInt();
                case 0x0D -> b.getFloat();
                default -> b.getDouble();
            };
        }
        return new IdxArray(dims, v);
    }

    private IdxReader() {
    }

    /**
     * Images as unsigned bytes, row-major: pixel i is {@code data[offset + i]}. The file's own bytes, not
     * a copy (MNIST's training images are 47 MB).
     */
    public record Images(int count, int rows, int cols, byte[] data, int offset) {
        /** Pixel i as 0–255. */
        public int pixel(long i) {
            return data[(int) (offset + i)] & 0xFF;
        }

        /** How many pixels: count · rows · cols. */
        public int size() {
            return count * rows * cols;
        }
    }

    /**
     * The file's bytes as stored. Not {@link Files#readAllBytes}: it reads through a temporary direct
     * buffer as large as the file, which the reading thread then keeps for good (47 MB of native memory
     * for MNIST's training images, a whole study long). FileInputStream reads into the array itself.
     */
    static byte[] readRaw(Path file) throws IOException {
        try (InputStream in = new FileInputStream(file.toFile())) {
            return in.readAllBytes();
        }
    }

    /** The file's content, decompressed when it ends in {@code .gz}. */
    public static byte[] readBytes(Path file) {
        try {
            if (file.getFileName().toString().endsWith(".gz")) {
                try (InputStream in = new GZIPInputStream(Files.newInputStream(file), 1 << 16)) {
                    ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
                    in.transferTo(out);
                    return out.toByteArray();
                }
            }
            return readRaw(file);
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            throw new DataException(file + ": not a valid gzip file (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new DataException(file + ": cannot be read (" + e + ")", e);
        }
    }

    public static Images readImages(Path file) {
        return parseImages(file.toString(), readBytes(file));
    }

    public static int[] readLabels(Path file) {
        return parseLabels(file.toString(), readBytes(file));
    }

    public static Images parseImages(String name, byte[] bytes) {
        ByteBuffer b = header(name, bytes, 16, IMAGES_MAGIC, "images");
        int n = b.getInt(4), rows = b.getInt(8), cols = b.getInt(12);
        if (n < 0 || rows <= 0 || cols <= 0) {
            throw new DataException(name + ": bad dimensions " + n + "x" + rows + "x" + cols);
        }
        long expected = 16L + (long) n * rows * cols;
        if (bytes.length != expected) {
            throw new DataException(name + ": truncated or padded: header says " + n + " images of " + rows + "x" + cols
                    + " (" + expected + " bytes), file has " + bytes.length + " bytes");
        }
        return new Images(n, rows, cols, bytes, 16);
    }

    public static int[] parseLabels(String name, byte[] bytes) {
        ByteBuffer b = header(name, bytes, 8, LABELS_MAGIC, "labels");
        int n = b.getInt(4);
        if (n < 0 || bytes.length != 8L + n) {
            throw new DataException(name + ": truncated or padded: header says " + n + " labels (" + (8L + n)
                    + " bytes), file has " + bytes.length + " bytes");
        }
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = bytes[8 + i] & 0xFF;
        }
        return labels;
    }

    private static ByteBuffer header(String name, byte[] bytes, int size, int magic, String what) {
        ByteBuffer b = ByteBuffer.wrap(bytes); // IDX is big-endian, ByteBuffer's default
        // The magic number first: a labels file given as images should say so, not "truncated".
        if (bytes.length >= 4 && b.getInt(0) != magic) {
            throw new DataException(String.format(java.util.Locale.ROOT,
                    "%s: wrong magic number 0x%08x, expected 0x%08x (IDX %s)", name, b.getInt(0), magic, what));
        }
        if (bytes.length < size) {
            throw new DataException(name + ": truncated: " + bytes.length + " bytes, shorter than an IDX " + what + " header");
        }
        return b;
    }
}
