package org.lrsearch.runner.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lrsearch.api.UserCache;

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
        assertThat(lib).isRegularFile().startsWith(UserCache.dir("native"));
        assertThat(Files.size(lib)).isPositive();
    }
}
