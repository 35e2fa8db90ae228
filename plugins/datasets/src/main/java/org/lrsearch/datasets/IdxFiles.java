package org.lrsearch.datasets;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.lrsearch.api.DataException;
import org.lrsearch.data.IdxReader;
import org.lrsearch.data.ImageSet;
import org.lrsearch.data.VerifiedFiles;

/** Four IDX files (train and test images and labels) parsed into an {@link ImageSet}, once per process. */
final class IdxFiles {
    private static final Map<String, ImageSet> CACHE = new ConcurrentHashMap<>();

    private IdxFiles() {
    }

    /**
     * @param names   train images, train labels, test images, test labels (raw names; {@code .gz} found too)
     * @param sha256  expected SHA-256 of each raw file by name (absent: not checked)
     * @param byHand  what to tell a user whose files are missing
     */
    static ImageSet load(String dataset, Path dir, List<String> names, Map<String, String> sha256, int classes,
                         double scale, String byHand) {
        Map<String, String> table = new LinkedHashMap<>();
        names.forEach(n -> table.put(n, sha256.get(n)));
        VerifiedFiles files = new VerifiedFiles(dataset, table, dir, false, "", "", List.of(), byHand);
        String key = dir + "|" + names + "|" + classes + "|" + scale;
        return CACHE.computeIfAbsent(key, k -> parse(dataset, files, names, classes, scale));
    }

    static java.util.Optional<String> missing(String dataset, Path dir, List<String> names, String byHand) {
        Map<String, String> table = new LinkedHashMap<>();
        names.forEach(n -> table.put(n, null));
        return new VerifiedFiles(dataset, table, dir, false, "", "", List.of(), byHand).missing();
    }

    private static ImageSet parse(String dataset, VerifiedFiles files, List<String> n, int classes, double scale) {
        Map<String, byte[]> raw = files.loadVerified();
        Path d = files.dir();
        byte[] trainImages = raw.get(n.get(0)), testImages = raw.get(n.get(2));
        if (isUByteImages(trainImages) && isUByteImages(testImages)) {
            // Unsigned-byte images stay bytes until a k-shot set widens its rows.
            return ImageSet.ofImages(dataset, d, IdxReader.parseImages(d.resolve(n.get(0)).toString(), trainImages),
                    labels(d, n.get(1), raw), IdxReader.parseImages(d.resolve(n.get(2)).toString(), testImages),
                    labels(d, n.get(3), raw), classes, scale);
        }
        return ImageSet.ofArrays(dataset, d, IdxReader.parse(d.resolve(n.get(0)).toString(), trainImages),
                IdxReader.parse(d.resolve(n.get(1)).toString(), raw.get(n.get(1))),
                IdxReader.parse(d.resolve(n.get(2)).toString(), testImages),
                IdxReader.parse(d.resolve(n.get(3)).toString(), raw.get(n.get(3))), classes, scale);
    }

    private static boolean isUByteImages(byte[] b) {
        return b.length >= 4 && b[0] == 0 && b[1] == 0 && b[2] == 0x08 && b[3] == 3;
    }

    private static int[] labels(Path d, String name, Map<String, byte[]> raw) {
        IdxReader.IdxArray a = IdxReader.parse(d.resolve(name).toString(), raw.get(name));
        if (a.dims().length != 1) {
            throw new DataException(d.resolve(name) + ": labels must be one-dimensional, found " + a.dims().length
                    + " dimensions");
        }
        int[] l = new int[a.values().length];
        for (int i = 0; i < l.length; i++) {
            double v = a.values()[i];
            if (v < 0 || v != Math.rint(v)) {
                throw new DataException(d.resolve(name) + ": label " + i + " is " + v + ", not a class number >= 0");
            }
            l[i] = (int) v;
        }
        return l;
    }
}
