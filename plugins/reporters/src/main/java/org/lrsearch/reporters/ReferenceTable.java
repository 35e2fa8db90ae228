package org.lrsearch.reporters;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Published accuracies to compare against, in the layout of the paper's Table 1:
 * {@code batch_size,setting,hidden,shots_1,...,shots_K}.
 */
public final class ReferenceTable {
    /** The paper's cell: a reference value applies to a cell whatever other keys the grid sweeps. */
    private record Cell(int batchSize, String setting, int hidden, int shots) {
    }

    private final Map<Cell, Double> values = new HashMap<>();
    private final String source;

    private ReferenceTable(String source) {
        this.source = source;
    }

    /** The table named by the experiment's {@code report.reference}, or null when it names none. */
    public static ReferenceTable of(org.lrsearch.api.ExperimentInfo info) throws IOException {
        Object file = info.report() == null ? null : info.report().get("reference");
        return file == null ? null : read(Path.of(String.valueOf(file)));
    }

    public static ReferenceTable read(Path file) throws IOException {
        ReferenceTable t = new ReferenceTable(file.getFileName().toString());
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
            throw new IOException(file + ": empty reference table");
        }
        String[] header = lines.get(0).trim().split(",");
        if (header.length < 4 || !header[0].equals("batch_size") || !header[1].equals("setting") || !header[2].equals("hidden")) {
            throw new IOException(file + ": header must start with batch_size,setting,hidden,shots_1,...; found " + lines.get(0));
        }
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split(",", -1);
            if (f.length != header.length) {
                throw new IOException(file + ":" + (i + 1) + ": expected " + header.length + " fields, found " + f.length);
            }
            try {
                for (int c = 3; c < header.length; c++) {
                    if (!f[c].isBlank()) {
                        int shots = Integer.parseInt(header[c].replace("shots_", ""));
                        t.values.put(new Cell(Integer.parseInt(f[0].trim()), f[1].trim(), Integer.parseInt(f[2].trim()), shots),
                                Double.parseDouble(f[c].trim()));
                    }
                }
            } catch (NumberFormatException e) {
                throw new IOException(file + ":" + (i + 1) + ": not a number (" + e.getMessage() + ")");
            }
        }
        return t;
    }

    public OptionalDouble get(ResultCells.Key key) {
        Double v = values.get(new Cell(key.batchSize(), key.strategy(), key.hidden(), key.shots()));
        return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    public String source() {
        return source;
    }
}
