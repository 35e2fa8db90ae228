package org.lrsearch.runner.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening a store points the SQLite driver at the kept copy of its native library. */
class SqliteNativeTest {
    @TempDir
    Path dir;

    @Test
    void openingAStoreLeavesTheDriverPointedAtAKeptCopyOfItsNativeLibrary() throws Exception {
        try (ResultsStore store = ResultsStore.open(dir)) {
            assertThat(store.runs()).isEmpty();
        }
        Path lib = Path.of(System.getProperty("org.sqlite.lib.path"), System.getProperty("org.sqlite.lib.name"));
        String home = System.getenv("HOME");
        assertThat(lib).isRegularFile().startsWith(Path.of(home != null && !home.isBlank() ? home
                : System.getProperty("user.home"), ".cache", "lrsearch", "native"));
        assertThat(Files.size(lib)).isPositive();
    }
}
