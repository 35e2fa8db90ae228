package org.lrsearch.datasets;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.lrsearch.api.DataException;
import org.lrsearch.api.FewShotTask;
import org.lrsearch.api.Samples;
import org.lrsearch.api.Seeds;
import org.lrsearch.api.TaskRequest;
import org.lrsearch.data.KShotSampler;

/**
 * A labelled table read from CSV: one column the label (any strings; classes are the distinct
 * training labels in sorted order, numbered 0..C−1), every other column a number. Parsed once per
 * process; every fault names the file, the line and the column.
 */
final class CsvData {
    private static final Map<String, CsvData> CACHE = new ConcurrentHashMap<>();

    final Samples train;
    final Samples test;
    final List<String> classes;
    private final int[][] byClass;

    private CsvData(Samples train, Samples test, List<String> classes) {
        this.train = train;
        this.test = test;
        this.classes = classes;
        int[] counts = new int[classes.size()];
        for (int l : train.labels()) {
            counts[l]++;
        }
        byClass = new int[classes.size()][];
        int[] fill = new int[classes.size()];
        for (int c = 0; c < counts.length; c++) {
            byClass[c] = new int[counts[c]];
        }
        for (int i = 0; i < train.count(); i++) {
            byClass[train.labels()[i]][fill[train.labels()[i]]++] = i;
        }
    }

    static CsvData get(CsvPlugin.Options o) {
        return CACHE.computeIfAbsent(o.toString(), k -> read(o));
    }

    FewShotTask task(String name, TaskRequest request) {
        int[] rows = KShotSampler.sample(byClass, request.shots(), request.selection(), Seeds.derive(request.seed(), "k-shot"));
        Samples validation = request.validation() == 0 ? null : train.select(KShotSampler.validation(byClass, rows,
                request.validation(), Seeds.derive(request.seed(), "validation")));
        return new FewShotTask(name + "/" + request.shots() + "-shot/" + request.selection().key(), train.select(rows), test,
                classes.size(), rows, validation);
    }

    /** One parsed file: labels as written, features as numbers. */
    private record Table(Path file, List<String> labels, List<double[]> rows, List<Long> lines) {
    }

    private static CsvData read(CsvPlugin.Options o) {
        Table train = table(Path.of(o.train()), o);
        Table test;
        if (o.test() != null) {
            test = table(Path.of(o.test()), o);
        } else {
            // One file, split by a seeded shuffle: the same rows are held out on every run.
            int n = train.rows().size();
            int[] perm = new int[n];
            for (int i = 0; i < n; i++) {
                perm[i] = i;
            }
            SplittableRandom rng = new SplittableRandom(o.splitSeed());
            for (int i = n - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                int t = perm[i];
                perm[i] = perm[j];
                perm[j] = t;
            }
            int held = (int) Math.round(n * o.testFraction());
            if (held < 1 || held >= n) {
                throw new DataException(train.file() + ": testFraction " + o.testFraction() + " of " + n
                        + " rows leaves no training or no test rows");
            }
            Table a = new Table(train.file(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
            Table b = new Table(train.file(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
            for (int i = 0; i < n; i++) {
                Table into = i < held ? b : a;
                into.labels().add(train.labels().get(perm[i]));
                into.rows().add(train.rows().get(perm[i]));
                into.lines().add(train.lines().get(perm[i]));
            }
            train = a;
            test = b;
        }
        if (train.rows().get(0).length != test.rows().get(0).length) {
            throw new DataException(test.file() + ": " + test.rows().get(0).length + " feature columns, but "
                    + train.file() + " has " + train.rows().get(0).length);
        }
        List<String> classes = new ArrayList<>(new TreeSet<>(train.labels()));
        for (int i = 0; i < test.labels().size(); i++) {
            if (!classes.contains(test.labels().get(i))) {
                throw new DataException(test.file() + ", line " + test.lines().get(i) + ", column " + o.labelColumn()
                        + ": label '" + test.labels().get(i) + "' never occurs in the training data " + train.file()
                        + "; known: " + classes);
            }
        }
        return new CsvData(samples(train, classes), samples(test, classes), List.copyOf(classes));
    }

    private static Samples samples(Table t, List<String> classes) {
        int f = t.rows().get(0).length;
        double[] v = new double[t.rows().size() * f];
        int[] l = new int[t.rows().size()];
        for (int i = 0; i < l.length; i++) {
            System.arraycopy(t.rows().get(i), 0, v, i * f, f);
            l[i] = classes.indexOf(t.labels().get(i));
        }
        return new Samples(l.length, f, v, l);
    }

    private static Table table(Path file, CsvPlugin.Options o) {
        if (!Files.isRegularFile(file)) {
            throw new DataException(file + ": no such file");
        }
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(o.delimiter().charAt(0)).setTrim(true).build();
        List<CSVRecord> records;
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8); CSVParser p = CSVParser.parse(r, format)) {
            records = p.getRecords();
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
            throw new DataException(file + ": not readable as CSV (" + e.getMessage() + ")", e);
        }
        records = records.stream().filter(rec -> !(rec.size() == 1 && rec.get(0).isEmpty())).toList();
        if (records.isEmpty()) {
            throw new DataException(file + ": empty: no rows");
        }
        CSVRecord first = records.get(0);
        boolean header = o.header() != null ? o.header() : !numericExcept(first, labelIndex(first, o, file, false));
        int label = labelIndex(first, o, file, header);
        int width = first.size();
        List<String> labels = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        for (CSVRecord rec : records.subList(header ? 1 : 0, records.size())) {
            long line = rec.getRecordNumber();
            if (rec.size() != width) {
                throw new DataException(file + ", line " + line + ": " + rec.size() + " columns, but the first row has "
                        + width);
            }
            double[] row = new double[width - 1];
            int k = 0;
            for (int c = 0; c < width; c++) {
                if (c == label) {
                    continue;
                }
                try {
                    row[k++] = Double.parseDouble(rec.get(c)) / o.scale();
                } catch (NumberFormatException e) {
                    throw new DataException(file + ", line " + line + ", column " + (c + 1) + ": '" + rec.get(c)
                            + "' is not a number (every column but the label is a feature)");
                }
            }
            labels.add(rec.get(label));
            rows.add(row);
            lines.add(line);
        }
        if (rows.isEmpty()) {
            throw new DataException(file + ": no data rows after the header");
        }
        if (width < 2) {
            throw new DataException(file + ": one column only: a label and at least one feature are needed");
        }
        return new Table(file, labels, rows, lines);
    }

    private static boolean numericExcept(CSVRecord rec, int label) {
        for (int c = 0; c < rec.size(); c++) {
            if (c == label) {
                continue;
            }
            try {
                Double.parseDouble(rec.get(c));
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return true;
    }

    private static int labelIndex(CSVRecord first, CsvPlugin.Options o, Path file, boolean header) {
        Object c = o.labelColumn();
        if (c instanceof Number n) {
            int i = n.intValue();
            if (i < 0 || i >= first.size()) {
                throw new DataException(file + ": labelColumn " + i + " is outside the " + first.size() + " columns");
            }
            return i;
        }
        String name = String.valueOf(c);
        for (int i = 0; i < first.size(); i++) {
            if (first.get(i).equals(name)) {
                return i;
            }
        }
        if (!header) {
            return 0; // while detecting the header: a named column can only be found in one
        }
        throw new DataException(file + ": no column named '" + name + "' in the header " + first.toList());
    }
}
