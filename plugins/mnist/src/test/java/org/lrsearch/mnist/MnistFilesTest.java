package org.lrsearch.mnist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lrsearch.api.DataException;
import org.lrsearch.api.OptionDefaults;

/**
 * Verification and acquisition. Generated files must fail the SHA-256 check; the acquisition path
 * is exercised against a mirror on the loopback address serving the real files from the cache.
 */
class MnistFilesTest {
    @TempDir
    Path dir;

    @Test
    void refusesFileWhoseHashDoesNotMatchInAUserFolder() throws IOException {
        for (String name : MnistFiles.SHA256.keySet()) {
            Files.write(dir.resolve(name), new byte[] {0, 0, 8, 1, 0, 0, 0, 3, 1, 2, 3}); // 3 labels: valid IDX, wrong hash
        }
        var files = MnistFiles.of(new MnistOptions(dir.toString(), "", List.of()));
        assertThatThrownBy(files::loadVerified).isInstanceOf(DataException.class)
                .hasMessageContaining("SHA-256 mismatch").hasMessageContaining(dir.toString());
        assertThat(dir.resolve("train-images-idx3-ubyte")).exists(); // a user's file is never moved
    }

    @Test
    void namesEverySourceTriedWhenNoneWorks() {
        var files = MnistFiles.of(OptionDefaults.create(MnistOptions.class,
                Map.of("npmPackage", "", "mirrors", List.of("http://127.0.0.1:9/"))), dir, true);
        assertThatThrownBy(files::loadVerified).isInstanceOf(DataException.class)
                .hasMessageContaining("http://127.0.0.1:9/").hasMessageContaining("by hand");
    }
}
