package org.lrsearch.runner.serve;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.lrsearch.runner.store.ResultsStore;

/**
 * Maps a request path to a file under a root folder, and to nothing outside it: no {@code ..} or {@code .}
 * segment (encoded or not), no empty segment (so no absolute path after the leading slash), no backslash or
 * NUL, and a symbolic link is followed only to a file that is itself under the root. The results store is
 * not served: it is read through SQLite, never copied mid-write.
 */
final class FolderFiles {
    private FolderFiles() {
    }

    /** A request path that is malformed or climbs out of the root: 400. */
    static final class BadPath extends Exception {
        BadPath(String message) {
            super(message);
        }
    }

    /**
     * The regular file {@code rawPath} (as sent, percent-encoded) names under {@code root}, if there is one.
     *
     * @throws BadPath if the path is malformed or would leave {@code root}
     */
    static Optional<Path> resolve(Path root, String rawPath) throws BadPath, IOException {
        if (!rawPath.startsWith("/") || rawPath.contains("\\") || rawPath.toLowerCase(java.util.Locale.ROOT).contains("%5c")) {
            throw new BadPath("malformed path");
        }
        String path;
        try {
            path = URLDecoder.decode(rawPath.substring(1).replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new BadPath("malformed percent-encoding");
        }
        if (path.indexOf('\0') >= 0 || path.contains("\\")) {
            throw new BadPath("malformed path");
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..") || segment.contains(":")) {
                throw new BadPath("path outside the folder");
            }
        }
        Path base = root.toAbsolutePath().normalize();
        Path file = base.resolve(path).normalize();
        if (!file.startsWith(base)) {
            throw new BadPath("path outside the folder");
        }
        if (file.getFileName().toString().startsWith(ResultsStore.FILE) || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        // A link inside the folder may point anywhere: only what really lies under the root is served.
        return file.toRealPath().startsWith(base.toRealPath()) ? Optional.of(file) : Optional.empty();
    }
}
