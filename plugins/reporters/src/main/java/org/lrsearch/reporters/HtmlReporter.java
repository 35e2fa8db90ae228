package org.lrsearch.reporters;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.template.Configuration;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.lrsearch.api.ExperimentResults;
import org.lrsearch.api.ReporterPlugin;

/**
 * The {@code html} reporter: one self-contained {@code report.html} (inline CSS and SVG, nothing
 * fetched from the network) with Table 1 beside a reference table, Figure 2's curves, LR traces,
 * paired statistics, compute cost and provenance.
 *
 * <p>Rendered with FreeMarker: its {@code .ftlh} templates escape every interpolation for HTML by
 * default, so a strategy labelled {@code <b>x</b>} shows as text; templates load from the
 * {@code reports-templates} jar, or from the folder named by {@code report.templates} first.
 */
public final class HtmlReporter implements ReporterPlugin<HtmlOptions> {
    static final String TEMPLATES = "/org/lrsearch/reports";

    @Override
    public String id() {
        return "html";
    }

    @Override
    public String description() {
        return "report.html: Table 1 beside a reference, Figure 2 curves, LR traces, paired statistics, provenance";
    }

    @Override
    public Class<HtmlOptions> optionsType() {
        return HtmlOptions.class;
    }

    @Override
    public List<Path> report(HtmlOptions options, ExperimentResults results, Path outDir) throws IOException {
        Object templates = results.info().report() == null ? null : results.info().report().get("templates");
        Configuration cfg = configuration(templates == null ? null : Path.of(String.valueOf(templates)));
        Map<String, Object> model = ReportModel.build(results, options);
        Path out = outDir.resolve("report.html");
        Path tmp = outDir.resolve("report.html.part");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            cfg.getTemplate("report.ftlh").process(model, w);
        } catch (TemplateException e) {
            throw new IOException("report template: " + e.getMessage(), e);
        }
        Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return List.of(out);
    }

    /** Table 1 alone, as the report shows it (for golden-file tests and embedding). */
    public static String renderTable1(ExperimentResults results) throws IOException {
        Map<String, Object> model = Map.of("table1", ReportModel.table1(new Cells(results),
                ReferenceTable.of(results.info())));
        StringWriter w = new StringWriter();
        try {
            configuration(null).getTemplate("table1.ftlh").process(model, w);
        } catch (TemplateException e) {
            throw new IOException(e);
        }
        return w.toString();
    }

    static Configuration configuration(Path overrideDir) throws IOException {
        Configuration cfg = new Configuration(Configuration.VERSION_2_3_34);
        TemplateLoader classpath = new ClassTemplateLoader(HtmlReporter.class, TEMPLATES);
        cfg.setTemplateLoader(overrideDir == null ? classpath
                : new MultiTemplateLoader(new TemplateLoader[] {new FileTemplateLoader(new File(overrideDir.toString())), classpath}));
        cfg.setDefaultEncoding("UTF-8");
        cfg.setLocale(Locale.ROOT);
        cfg.setNumberFormat("computer");
        cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        cfg.setLogTemplateExceptions(false);
        cfg.setFallbackOnNullLoopVariable(false);
        return cfg;
    }
}
