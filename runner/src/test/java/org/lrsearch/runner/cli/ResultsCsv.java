package org.lrsearch.runner.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    /** Every row of an RFC 4180 file (as the csv reporter writes it) by column name. */
    public static List<Map<String, String>> rows(Path csv) throws IOException {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        String text = Files.readString(csv);
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
            } else if (c == '\n') {
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
            } else if (c != '\r') {
                field.append(c);
            }
        }
        List<Map<String, String>> rows = new ArrayList<>();
        for (List<String> r : records.subList(1, records.size())) {
            Map<String, String> m = new LinkedHashMap<>();
            for (int i = 0; i < r.size(); i++) {
                m.put(records.get(0).get(i), r.get(i));
            }
            rows.add(m);
        }
        return rows;
    }
}
