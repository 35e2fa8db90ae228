package org.lrsearch.runner.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.lrsearch.runner.config.UsageException;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

/**
 * A results store opened for reading only, for a process that watches a folder another process may be
 * writing ({@code lrsearch serve}). Readers open it for each look and close it at once, so that the writer
 * stays the store's last connection and removes its journal files as it always does. While a writer is at work
 * (its write-ahead log {@code results.db-wal} is there) the store is read through that log, which never blocks
 * the writer and shows each run once its transaction has committed; with no writer, the file is read as
 * immutable, so no journal file is created in the folder. A store of an older layout is not migrated in place,
 * as {@link ResultsStore#open} would do: it is copied to a scratch folder outside the study's and the copy is
 * brought up to date (once per version of the file; no older lrsearch writes while a current one reads).
 */
public final class ReadOnlyStore {
    private ReadOnlyStore() {
    }

    /**
     * The store in {@code dir}, read-only; the caller closes it.
     *
     * @param scratch a folder outside {@code dir} for the copy of an older layout's store
     * @return the store, and whether it is a copy (then it does not change as the folder does)
     */
    public static Opened open(Path dir, Path scratch) {
        Path file = dir.resolve(ResultsStore.FILE);
        if (!Files.isRegularFile(file)) {
            throw new UsageException(dir + ": no " + ResultsStore.FILE + " here; give the --out folder of a run");
        }
        try {
            SQLiteConfig config = new SQLiteConfig();
            config.setReadOnly(true);
            config.setOpenMode(SQLiteOpenMode.READONLY);
            config.setOpenMode(SQLiteOpenMode.OPEN_URI);
            config.setBusyTimeout(10_000);
            boolean writer = Files.exists(dir.resolve(ResultsStore.FILE + "-wal"));
            String uri = "jdbc:sqlite:" + file.toAbsolutePath().toUri() + (writer ? "?mode=ro" : "?mode=ro&immutable=1");
            SqliteNative.prepare();
            Connection c = config.createConnection(uri);
            if (StoreMigration.isCurrent(c)) {
                return new Opened(new ResultsStore(c), false);
            }
            Path copy = scratch.resolve(ResultsStore.FILE);
            Path stamp = scratch.resolve("source");
            String version = Files.size(file) + " " + Files.getLastModifiedTime(file).toMillis();
            if (!Files.exists(stamp) || !Files.readString(stamp).equals(version)) {
                Files.createDirectories(scratch);
                Files.deleteIfExists(copy);
                // The online backup API copies a consistent state, the committed part of a write-ahead log included.
                try (Statement s = c.createStatement()) {
                    s.executeUpdate("backup to " + copy);
                }
                c.close();
                ResultsStore.open(scratch).close();
                Files.writeString(stamp, version);
            } else {
                c.close();
            }
            return new Opened(ResultsStore.open(scratch), true);
        } catch (SQLException | IOException e) {
            throw new UsageException(file + ": cannot read the results store (" + e.getMessage() + ")", e);
        }
    }

    /** A store opened for reading, and whether it is a migrated copy of an older layout's. */
    public record Opened(ResultsStore store, boolean copy) {
    }
}
