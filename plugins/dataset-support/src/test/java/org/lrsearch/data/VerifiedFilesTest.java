package org.lrsearch.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lrsearch.api.DataException;

/** Checksums in a cache folder are checked once per file as written; a changed file is checked again. */
class VerifiedFilesTest {
    private static final byte[] LABELS = {0, 0, 8, 1, 0, 0, 0, 3, 1, 2, 3};

    @TempDir
    Path dir;

    private VerifiedFiles files(boolean isCache) {
        return new VerifiedFiles("test", Map.of("labels", VerifiedFiles.sha256(LABELS)), dir, isCache, "", "",
                List.of(), "Copy the file by hand.");
    }

    @Test
    void aCacheFileIsHashedOnceAndThenKnownByItsSizeTimeAndInode() throws IOException {
        Path f = Files.write(dir.resolve("labels"), LABELS);
        assertThat(files(true).loadVerified().get("labels")).isEqualTo(LABELS);
        assertThat(dir.resolve(VerifiedStamps.FILE)).exists();
        // Same size, same inode, time set back: the stamp stands, so the hash is not taken again (the
        // changed content is read as it is). This is what the stamp saves, and the one change it misses.
        FileTime t = Files.getLastModifiedTime(f);
        byte[] edited = LABELS.clone();
        edited[10] = 9;
        Files.write(f, edited);
        Files.setLastModifiedTime(f, t);
        assertThat(files(true).loadVerified().get("labels")).isEqualTo(edited);
    }

    @Test
    void aCacheFileWrittenSinceItsCheckIsHashedAgainAndMovedAsideWhenItNoLongerMatches() throws IOException {
        Path f = Files.write(dir.resolve("labels"), LABELS);
        files(true).loadVerified();
        byte[] edited = LABELS.clone();
        edited[10] = 9;
        Files.write(f, edited);
        Files.setLastModifiedTime(f, FileTime.fromMillis(Files.getLastModifiedTime(f).toMillis() + 5_000));
        assertThatThrownBy(() -> files(true).loadVerified()).isInstanceOf(DataException.class)
                .hasMessageContaining("by hand");
        try (var left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("labels.corrupt-"));
        }
    }

    @Test
    void aFolderTheUserNamedIsHashedEveryTimeAndNeverStamped() throws IOException {
        Path f = Files.write(dir.resolve("labels"), LABELS);
        files(false).loadVerified();
        assertThat(dir.resolve(VerifiedStamps.FILE)).doesNotExist();
        FileTime t = Files.getLastModifiedTime(f);
        Files.write(f, new byte[] {0, 0, 8, 1, 0, 0, 0, 3, 1, 2, 9});
        Files.setLastModifiedTime(f, t);
        assertThatThrownBy(() -> files(false).loadVerified()).isInstanceOf(DataException.class)
                .hasMessageContaining("SHA-256 mismatch");
    }
}
