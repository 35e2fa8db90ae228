package org.lrsearch.reporters;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a report file whole or not at all: into {@code NAME.part} beside it, then renamed over
 * the old one. A killed process or a failing template leaves the previous file intact and never a
 * half-written one under the real name.
 */
final class AtomicFiles {
    private AtomicFiles() {
    }

    /** What fills a file. */
    interface Content {
        void writeTo(Writer w) throws IOException;
    }

    static Path write(Path target, String text) throws IOException {
        return write(target, w -> w.write(text));
    }

    static Path write(Path target, Content content) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".part");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            content.writeTo(w);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return target;
    }
}
