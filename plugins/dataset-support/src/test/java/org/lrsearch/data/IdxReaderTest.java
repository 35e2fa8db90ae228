package org.lrsearch.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lrsearch.api.DataException;

class IdxReaderTest {
    @TempDir
    Path dir;

    static byte[] images(int magic, int n, int rows, int cols, int payload) {
        ByteBuffer b = ByteBuffer.allocate(16 + payload);
        b.putInt(magic).putInt(n).putInt(rows).putInt(cols);
        for (int i = 0; i < payload; i++) {
            b.put((byte) (i * 7));
        }
        return b.array();
    }

    static byte[] labels(int n, int payload) {
        ByteBuffer b = ByteBuffer.allocate(8 + payload);
        b.putInt(IdxReader.LABELS_MAGIC).putInt(n);
        for (int i = 0; i < payload; i++) {
            b.put((byte) (i % 10));
        }
        return b.array();
    }

    @Test
    void readsWellFormedImagesAndLabels() throws IOException {
        Path img = dir.resolve("img");
        Files.write(img, images(IdxReader.IMAGES_MAGIC, 3, 2, 2, 12));
        Path lab = dir.resolve("lab");
        Files.write(lab, labels(3, 3));
        IdxReader.Images images = IdxReader.readImages(img);
        assertThat(images.count()).isEqualTo(3);
        assertThat(images.size()).isEqualTo(12);
        assertThat(images.pixel(1)).isEqualTo(7);
        assertThat(IdxReader.readLabels(lab)).containsExactly(0, 1, 2);
    }

    @Test
    void readingALargeFileLeavesNoFileSizedNativeBufferBehind() throws Exception {
        // The reading thread lives on (a run's whole study), so whatever NIO caches for it stays too.
        Path img = dir.resolve("large");
        int payload = 8 << 20;
        Files.write(img, images(IdxReader.IMAGES_MAGIC, payload / 784, 28, 28, payload / 784 * 784));
        java.lang.management.BufferPoolMXBean direct = java.lang.management.ManagementFactory
                .getPlatformMXBeans(java.lang.management.BufferPoolMXBean.class).stream()
                .filter(p -> p.getName().equals("direct")).findFirst().orElseThrow();
        long[] grown = new long[1];
        Thread reader = new Thread(() -> {
            long before = direct.getMemoryUsed();
            assertThat(IdxReader.readImages(img).count()).isEqualTo(payload / 784);
            grown[0] = direct.getMemoryUsed() - before;
        });
        reader.start();
        reader.join();
        assertThat(grown[0]).isLessThan(payload / 8);
    }

    @Test
    void readsGzipCompressedFiles() throws IOException {
        Path gz = dir.resolve("img.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(images(IdxReader.IMAGES_MAGIC, 2, 2, 2, 8));
        }
        assertThat(IdxReader.readImages(gz).count()).isEqualTo(2);
    }

    @Test
    void refusesTruncatedFileNamingIt() throws IOException {
        Path img = dir.resolve("short-images");
        Files.write(img, images(IdxReader.IMAGES_MAGIC, 3, 2, 2, 11));
        assertThatThrownBy(() -> IdxReader.readImages(img)).isInstanceOf(DataException.class)
                .hasMessageContaining("short-images").hasMessageContaining("truncated");
    }

    @Test
    void refusesFileShorterThanHeader() throws IOException {
        Path img = dir.resolve("tiny");
        Files.write(img, new byte[] {0, 0, 8});
        assertThatThrownBy(() -> IdxReader.readImages(img)).isInstanceOf(DataException.class)
                .hasMessageContaining("tiny").hasMessageContaining("header");
    }

    @Test
    void refusesWrongMagicNumber() throws IOException {
        Path img = dir.resolve("labels-as-images");
        Files.write(img, labels(3, 3));
        assertThatThrownBy(() -> IdxReader.readImages(img)).isInstanceOf(DataException.class)
                .hasMessageContaining("wrong magic number 0x00000801, expected 0x00000803");
    }

    @Test
    void refusesLabelCountThatDisagreesWithFileLength() throws IOException {
        Path lab = dir.resolve("lab");
        Files.write(lab, labels(5, 3));
        assertThatThrownBy(() -> IdxReader.readLabels(lab)).isInstanceOf(DataException.class)
                .hasMessageContaining("header says 5 labels");
    }

    @Test
    void refusesCorruptGzip() throws IOException {
        Path gz = dir.resolve("bad.gz");
        Files.write(gz, new byte[] {31, -117, 8, 0, 1, 2, 3});
        assertThatThrownBy(() -> IdxReader.readImages(gz)).isInstanceOf(DataException.class)
                .hasMessageContaining("bad.gz");
    }

    @Test
    void refusesImageAndLabelCountMismatch() {
        assertThatThrownBy(() -> ImageSet.requireSameCount(dir, "train", 60000, 59999))
                .isInstanceOf(DataException.class).hasMessageContaining("60000 images but 59999 labels");
    }
}
