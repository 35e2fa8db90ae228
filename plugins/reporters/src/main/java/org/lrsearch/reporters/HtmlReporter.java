package org.lrsearch.reporters;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.SimpleObjectWrapper;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
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
    public List<String> outputs(HtmlOptions options) {
        return List.of("report.html");
    }

    /** Parses every template (the configured folder's and the bundled ones) before any run starts. */
    @Override
    public void check(HtmlOptions options, Map<String, Object> report) throws IOException {
        Path folder = templateFolder(report);
        Configuration cfg = configuration(folder);
        List<String> names = new java.util.ArrayList<>(List.of("report.ftlh", "table1.ftlh"));
        if (folder != null) {
            try (var files = Files.list(folder)) {
                files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".ftlh") || n.endsWith(".ftl"))
                        .sorted().filter(n -> !names.contains(n)).forEach(names::add);
            }
        }
        for (String name : names) {
            try {
                cfg.getTemplate(name);
            } catch (freemarker.core.ParseException e) {
                throw new IOException(templateError(folder, e.getTemplateName(), e.getLineNumber(),
                        e.getEditorMessage()), e);
            }
        }
    }

    @Override
    public List<Path> report(HtmlOptions options, ExperimentResults results, Path outDir) throws IOException {
        Path folder = templateFolder(results.info().report());
        Configuration cfg = configuration(folder);
        Map<String, Object> model = ReportModel.build(results, options);
        Path out = AtomicFiles.write(outDir.resolve("report.html"), w -> {
            try {
                cfg.getTemplate("report.ftlh").process(model, w);
            } catch (TemplateException e) {
                throw new IOException(templateError(folder, e.getTemplateSourceName(),
                        e.getLineNumber() == null ? 0 : e.getLineNumber(), e.getMessageWithoutStackTop()), e);
            } catch (freemarker.core.ParseException e) {
                throw new IOException(templateError(folder, e.getTemplateName(), e.getLineNumber(),
                        e.getEditorMessage()), e);
            }
        });
        return List.of(out);
    }

    private static Path templateFolder(Map<String, Object> report) {
        Object templates = report == null ? null : report.get("templates");
        return templates == null ? null : Path.of(String.valueOf(templates));
    }

    private static String templateError(Path folder, String template, int line, String problem) {
        String where = template == null ? "report template" : "template " + (folder != null
                && Files.isRegularFile(folder.resolve(template)) ? folder.resolve(template) : template);
        return where + (line > 0 ? ", line " + line : "") + ": " + problem.strip();
    }

    /** Table 1 alone, as the report shows it (for golden-file tests and embedding). */
    public static String renderTable1(ExperimentResults results) throws IOException {
        Map<String, Object> model = Map.of("table1", ReportModel.table1(new ResultCells(results),
                ReferenceTable.of(results.info())));
        StringWriter w = new StringWriter();
        try {
            configuration(null).getTemplate("table1.ftlh").process(model, w);
        } catch (TemplateException e) {
            throw new IOException(e);
        }
        return w.toString();
    }

    /**
     * One configuration per template folder (the bundled templates: the empty key) for the process, so
     * the templates parsed by {@link #check} before the runs are the ones the report renders with
     * after them: parsed once, not twice (about a tenth of a second at the end of every run). FreeMarker
     * still looks at each template's modification time at every use (a file's stat, no parse), so a
     * template edited since is read again, as {@code lrsearch serve} and {@code lrsearch report} in the
     * same process need.
     */
    private static final Map<String, Configuration> CONFIGURATIONS = new java.util.HashMap<>();

    static synchronized Configuration configuration(Path overrideDir) throws IOException {
        String key = overrideDir == null ? "" : overrideDir.toAbsolutePath().normalize().toString();
        Configuration cfg = CONFIGURATIONS.get(key);
        if (cfg == null) {
            cfg = newConfiguration(overrideDir);
            CONFIGURATIONS.put(key, cfg);
        }
        return cfg;
    }

    private static Configuration newConfiguration(Path overrideDir) throws IOException {
        Configuration cfg = new Configuration(Configuration.VERSION_2_3_34);
        TemplateLoader classpath = new ClassTemplateLoader(HtmlReporter.class, TEMPLATES);
        cfg.setTemplateLoader(overrideDir == null ? classpath
                : new MultiTemplateLoader(new TemplateLoader[] {new FileTemplateLoader(new File(overrideDir.toString())), classpath}));
        cfg.setTemplateUpdateDelayMilliseconds(0);
        cfg.setDefaultEncoding("UTF-8");
        cfg.setLocale(Locale.ROOT);
        cfg.setNumberFormat("computer");
        cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        cfg.setLogTemplateExceptions(false);
        cfg.setFallbackOnNullLoopVariable(false);
        // Templates are data a config names, never code: ?new may instantiate nothing, ?api is off, and
        // the data model is wrapped as plain strings, numbers, lists and maps, with no Java methods behind.
        cfg.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        cfg.setAPIBuiltinEnabled(false);
        cfg.setObjectWrapper(new SimpleObjectWrapper(Configuration.VERSION_2_3_34));
        return cfg;
    }
}
