package org.lrsearch.runner.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.lrsearch.api.UserCache;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * SQLite's native library loaded from one copy per driver version under {@code native} in {@link UserCache},
 * written once. Left to itself the driver copies its 1 MB library into the temporary folder on every
 * start, under a fresh name, and compares the copy with the jar byte by byte (about a fifth of a second
 * of each command's start here), and a process that is killed leaves its copy behind.
 */
final class SqliteNative {
    private static final String PATH = "org.sqlite.lib.path";
    private static final String NAME = "org.sqlite.lib.name";
    private static boolean prepared;

    private SqliteNative() {
    }

    /** Points the driver at the kept copy, making it first; on any failure the driver extracts as usual. */
    static synchronized void prepare() {
        if (prepared || System.getProperty(PATH) != null) {
            return;
        }
        prepared = true;
        try {
            String folder = LibraryLoaderUtil.getNativeLibResourcePath();
            String name = LibraryLoaderUtil.getNativeLibName();
            Path dir = UserCache.dir("native", "sqlite-jdbc-" + SQLiteJDBCLoader.getVersion()
                    + folder.replace("/org/sqlite/native", ""));
            Path lib = dir.resolve(name);
            if (!Files.isRegularFile(lib)) {
                try (InputStream in = SQLiteJDBCLoader.class.getResourceAsStream(folder + "/" + name)) {
                    if (in == null) {
                        return;
                    }
                    Files.createDirectories(dir);
                    // Written aside and renamed: a process starting meanwhile sees the whole file or none.
                    Path tmp = Files.createTempFile(dir, name, ".part");
                    try {
                        Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
                        Files.move(tmp, lib, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                    } finally {
                        Files.deleteIfExists(tmp);
                    }
                }
            }
            System.setProperty(PATH, dir.toString());
            System.setProperty(NAME, name);
        } catch (IOException | RuntimeException e) {
            // The driver's own extraction still works; only the start-up saving is lost.
        }
    }
}
