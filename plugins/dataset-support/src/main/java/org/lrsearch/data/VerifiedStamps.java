package org.lrsearch.data;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Properties;

/**
 * The SHA-256 checks already passed in a cache folder, remembered by each file's identity (size,
 * modification time, inode) in the folder's {@code .verified} file, so that MNIST's 55 MB are hashed
 * once and not at every command (0.1–0.15 s of each command's start here). A file written, replaced or
 * moved since gets a new identity and is hashed again; only a change that keeps size, time and inode
 * (a deliberate edit that resets the time) goes unseen, which is the trade every build tool makes.
 * Only the cache, which lrsearch alone writes, is stamped; a folder the user names is hashed every time.
 */
final class VerifiedStamps {
    static final String FILE = ".verified";

    private final Path dir;
    private final Properties stamps = new Properties();
    private boolean changed;

    private VerifiedStamps(Path dir) {
        this.dir = dir;
    }

    /** The stamps of {@code dir}; none when it has no (readable) stamp file. */
    static VerifiedStamps of(Path dir) {
        VerifiedStamps s = new VerifiedStamps(dir);
        Path f = dir.resolve(FILE);
        if (Files.isRegularFile(f)) {
            try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
                s.stamps.load(r);
            } catch (IOException | IllegalArgumentException e) {
                s.stamps.clear(); // unreadable: every file is hashed again
            }
        }
        return s;
    }

    /** Whether {@code file}, with identity {@code id} ({@link #identity}), passed the check against {@code sha256}. */
    boolean passed(Path file, String id, String sha256) {
        return id != null && (id + " " + sha256).equals(stamps.getProperty(file.getFileName().toString()));
    }

    /**
     * Records that {@code file} matched {@code sha256} with the identity it had before it was read (so a
     * file replaced while it was being checked is hashed again next time); written by {@link #save}.
     */
    void record(Path file, String id, String sha256) {
        if (id != null) {
            stamps.setProperty(file.getFileName().toString(), id + " " + sha256);
            changed = true;
        }
    }

    /** Writes the stamps when {@link #record} added any; a failure to write only costs a hash later. */
    void save() {
        if (!changed) {
            return;
        }
        changed = false;
        Path tmp = dir.resolve(FILE + "." + ProcessHandle.current().pid());
        try {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                stamps.store(w, "SHA-256 checks passed, by file: size, modification time, file key, hash");
            }
            // Renamed into place: a command started at the same time reads the old stamps or the new, never half.
            Files.move(tmp, dir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // nothing left to do: the stamp is an optimisation
            }
        }
    }

    /** Size, modification time and file key (inode) of {@code file}; null when they cannot be read. */
    static String identity(Path file) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            java.time.Instant t = a.lastModifiedTime().toInstant();
            return a.size() + " " + t.getEpochSecond() + "." + t.getNano() + " " + a.fileKey();
        } catch (IOException e) {
            return null;
        }
    }
}
