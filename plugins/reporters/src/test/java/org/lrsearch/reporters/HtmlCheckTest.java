package org.lrsearch.reporters;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report check catches what it is there to catch: the defects earlier reports had. */
class HtmlCheckTest {
    @TempDir
    Path dir;

    @Test
    void findsTheCheckersErrorsAndMarkupLeakedIntoText() throws IOException {
        Path page = dir.resolve("bad.html");
        Files.writeString(page, """
                <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>t</title></head><body>
                <p>same run of X(same seed)./p> and ${table1.x} but p < 0.05 is fine</p>
                <svg xmlns="http://www.w3.org/2000/svg" xmlns:jfreesvg="http://www.jfree.org/jfreesvg/svg" width="1" height="1"></svg>
                </body></html>
                """);
        assertThat(HtmlCheck.errors(page)).anyMatch(e -> e.contains("xmlns:jfreesvg"));
        assertThat(HtmlCheck.markupInText(page)).hasSize(2).anyMatch(f -> f.contains("./p>"))
                .anyMatch(f -> f.contains("${table1.x}"));
    }
}
