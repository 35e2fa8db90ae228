package org.lrsearch.reporters;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** RFC 4180 rows: fields quoted when they hold a comma, quote or line break; CRLF line ends. */
public final class Csv {
    private Csv() {
    }

    public static String field(String s) {
        if (s == null) {
            return "";
        }
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }

    public static void row(Writer out, List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(field(fields.get(i)));
        }
        out.write("\r\n");
    }
}
