package org.lrsearch.reporters;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lrsearch.api.OptionDefaults;

/**
 * Seals the output formats: results.csv, curves.csv and the Table 1 fragment of the HTML report,
 * rendered from fixed stub results, must equal the golden files byte for byte under any default
 * locale (a German default must not turn 0.5221 into 0,5221).
 */
class ReportGoldenFilesTest {
    private final Locale saved = Locale.getDefault();

    @TempDir
    Path dir;

    @AfterEach
    void restore() {
        Locale.setDefault(saved);
    }

    static String golden(String name) throws IOException {
        try (InputStream in = ReportGoldenFilesTest.class.getResourceAsStream("/golden/" + name)) {
            if (in == null) {
                throw new IOException("missing golden file " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * After a deliberate format change: {@code mvn test -pl plugins/reporters -Dregenerate.golden=true}
     * rewrites the golden files from the current code; review the diff before committing it.
     */
    @org.junit.jupiter.api.Test
    @org.junit.jupiter.api.condition.EnabledIfSystemProperty(named = "regenerate.golden", matches = "true")
    void regenerateGoldenFiles() throws IOException {
        Locale.setDefault(Locale.ROOT);
        Path golden = Path.of("src", "test", "resources", "golden");
        new CsvReporter().report(OptionDefaults.create(CsvOptions.class), StubResults.results("H1"), golden);
        Files.writeString(golden.resolve("table1.html"), HtmlReporter.renderTable1(StubResults.results("H1")));
    }

    @ParameterizedTest(name = "locale {0}")
    @ValueSource(strings = {"", "en-US", "de-DE", "fr-FR"})
    void csvFilesMatchGoldenUnderEveryLocale(String tag) throws IOException {
        Locale.setDefault(Locale.forLanguageTag(tag));
        new CsvReporter().report(OptionDefaults.create(CsvOptions.class), StubResults.results("H1"), dir);
        assertThat(Files.readString(dir.resolve("results.csv"))).isEqualTo(golden("results.csv"));
        assertThat(Files.readString(dir.resolve("curves.csv"))).isEqualTo(golden("curves.csv"));
    }

    @ParameterizedTest(name = "locale {0}")
    @ValueSource(strings = {"", "en-US", "de-DE", "fr-FR"})
    void table1FragmentMatchesGoldenUnderEveryLocale(String tag) throws IOException {
        Locale.setDefault(Locale.forLanguageTag(tag));
        assertThat(HtmlReporter.renderTable1(StubResults.results("H1"))).isEqualTo(golden("table1.html"));
    }
}
