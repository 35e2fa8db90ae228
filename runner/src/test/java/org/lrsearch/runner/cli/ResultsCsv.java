package org.lrsearch.runner.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** results.csv as tests compare it across ways of running: every line without the timing columns. */
public final class ResultsCsv {
    private ResultsCsv() {
    }

    /** The lines of {@code csv} without {@code wall_ms} and {@code eval_ms}: run ids, coordinates, every number, status. */
    public static List<String> withoutTimings(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        List<String> header = List.of(lines.get(0).split(",", -1));
        int wall = header.indexOf("wall_ms");
        int eval = header.indexOf("eval_ms");
        return lines.stream().map(l -> {
            String[] f = l.split(",", -1);
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < f.length; i++) {
                if (i != wall && i != eval) {
                    b.append(f[i]).append(',');
                }
            }
            return b.toString();
        }).toList();
    }
}
