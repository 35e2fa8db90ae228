package org.lrsearch.reporters;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lrsearch.api.OptionDefaults;

/**
 * Opens report.html from disk in a real browser (Debian's headless Chromium), as a reader would,
 * and checks what it rendered: the DOM after load, and a screenshot. In CI Chromium must be there
 * (.ci/run installs it); elsewhere the test is skipped with a message when it is absent.
 */
class BrowserRenderIT {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @TempDir
    Path dir;

    @BeforeAll
    static void needsChromium() {
        if (!Files.isExecutable(CHROMIUM)) {
            if (System.getenv("CI") != null) {
                throw new IllegalStateException("CI must install chromium (apt-get install chromium)");
            }
            Assumptions.abort("Chromium not installed (apt-get install chromium): browser check skipped");
        }
    }

    private String chromium(Path html, String... mode) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--user-data-dir=" + Files.createTempDirectory(dir, "profile")));
        cmd.addAll(List.of(mode));
        cmd.add(html.toUri().toString());
        Path out = dir.resolve("stdout-" + System.nanoTime());
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("chromium finished").isTrue();
        assertThat(p.exitValue()).as("chromium exit code").isZero();
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    @Test
    void rendersTableAndChartsInHeadlessChromium() throws Exception {
        new HtmlReporter().report(OptionDefaults.create(HtmlOptions.class), StubResults.results("H1"), dir);
        Path html = dir.resolve("report.html");
        HtmlCheck.assertValid(html);

        String dom = chromium(html, "--dump-dom");
        assertThat(dom).contains("<table class=\"table1\">").contains("paper 0.5221");
        Matcher svg = Pattern.compile("<svg[^>]*\\bwidth=\"([\\d.]+)\"[^>]*\\bheight=\"([\\d.]+)\"").matcher(dom);
        int charts = 0;
        while (svg.find()) {
            assertThat(Double.parseDouble(svg.group(1))).isPositive();
            assertThat(Double.parseDouble(svg.group(2))).isPositive();
            charts++;
        }
        assertThat(charts).as("charts in the rendered DOM").isGreaterThanOrEqualTo(3);

        Path png = dir.resolve("shot.png");
        chromium(html, "--window-size=1280,2200", "--hide-scrollbars", "--screenshot=" + png);
        BufferedImage img = ImageIO.read(png.toFile());
        assertThat(img.getWidth()).isEqualTo(1280);
        // The curves are drawn in the palette's first colour: the browser must have painted them.
        int chartBlue = 0, nonWhite = 0;
        for (int y = 0; y < img.getHeight(); y += 2) {
            for (int x = 0; x < img.getWidth(); x += 2) {
                int rgb = img.getRGB(x, y) & 0xFFFFFF;
                if (rgb != 0xFFFFFF) {
                    nonWhite++;
                }
                int r = rgb >> 16, g = (rgb >> 8) & 0xFF, b = rgb & 0xFF;
                if (Math.abs(r - 0x00) < 40 && Math.abs(g - 0x72) < 40 && Math.abs(b - 0xB2) < 40) {
                    chartBlue++;
                }
            }
        }
        assertThat(nonWhite).as("painted pixels").isGreaterThan(10_000);
        assertThat(chartBlue).as("pixels in the curves' colour").isGreaterThan(200);
    }
}
