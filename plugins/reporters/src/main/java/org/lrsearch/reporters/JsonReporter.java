package org.lrsearch.reporters;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.lrsearch.api.ExperimentInfo;
import org.lrsearch.api.ExperimentResults;
import org.lrsearch.api.ReporterPlugin;

/**
 * The {@code json} reporter: {@code provenance.json} (resolved config, plugins and versions,
 * seeds, environment, times) and {@code summary.json} (Table 1 cells with the reference delta,
 * and the paired statistics) for scripts.
 */
public final class JsonReporter implements ReporterPlugin<JsonOptions> {

    @Override
    public String id() {
        return "json";
    }

    @Override
    public String description() {
        return "provenance.json and summary.json (Table 1 cells, reference deltas, paired statistics)";
    }

    @Override
    public Class<JsonOptions> optionsType() {
        return JsonOptions.class;
    }

    @Override
    public List<String> outputs(JsonOptions options) {
        return options.traces() ? List.of("provenance.json", "summary.json", "traces/{run}.jsonl")
                : List.of("provenance.json", "summary.json");
    }

    @Override
    public List<Path> report(JsonOptions options, ExperimentResults results, Path outDir) throws IOException {
        ObjectMapper json = new ObjectMapper().configure(SerializationFeature.INDENT_OUTPUT, options.pretty());
        ExperimentInfo info = results.info();
        Map<String, Object> prov = new LinkedHashMap<>();
        prov.put("experiment", info.name());
        prov.put("configFile", info.configFile());
        prov.put("resolvedConfig", info.resolvedConfig());
        prov.put("strategies", info.strategies());
        prov.put("report", info.report());
        prov.put("plugins", info.plugins());
        prov.put("seeds", info.seeds());
        prov.put("started", info.started() == null ? null : info.started().toString());
        prov.put("finished", info.finished() == null ? null : info.finished().toString());
        prov.put("environment", info.environment());
        Path p = AtomicFiles.write(outDir.resolve("provenance.json"), json.writeValueAsString(prov));

        ResultCells cells = new ResultCells(results);
        ReferenceTable ref = ReferenceTable.of(info);
        List<Map<String, Object>> table = new ArrayList<>();
        for (ResultCells.Row row : cells.rows()) {
            for (int k : cells.shots()) {
                ResultCells.Key key = row.key(k);
                SummaryStatistics s = cells.accuracy(key);
                if (s.getN() == 0) {
                    continue;
                }
                Map<String, Object> c = new LinkedHashMap<>();
                c.put("batchSize", row.batchSize());
                c.put("strategy", row.strategy());
                c.put("hidden", row.hidden() == 0 ? null : row.hidden());
                c.put("shots", k);
                c.put("coordinates", key.others().isEmpty() ? Map.of() : otherCoordinates(cells.runs(key).get(0)));
                c.put("n", s.getN());
                c.put("meanAccuracy", s.getMean());
                c.put("stdAccuracy", s.getN() > 1 ? s.getStandardDeviation() : null);
                OptionalDouble rv = ref == null ? OptionalDouble.empty() : ref.get(key);
                c.put("reference", rv.isPresent() ? rv.getAsDouble() : null);
                c.put("delta", rv.isPresent() ? s.getMean() - rv.getAsDouble() : null);
                table.add(c);
            }
        }
        Object baseline = info.report() == null ? null : info.report().get("baseline");
        Comparisons comparisons = Comparisons.of(results, cells.strategies(), baseline == null ? null : String.valueOf(baseline));
        List<Map<String, Object>> stats = comparisons.searchers().stream().map(JsonReporter::comparison).toList();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("experiment", info.name());
        summary.put("runs", results.runs().size());
        summary.put("cells", SummaryCells.cells(results));
        summary.put("table1", table);
        summary.put("pairedStatistics", stats);
        Ranking ranking = Ranking.of(results, cells.strategies(), comparisons.baseline());
        if (ranking != null) {
            List<Map<String, Object>> ranks = new ArrayList<>();
            for (int j = 0; j < ranking.strategies().size(); j++) {
                ranks.add(JsonReporter.ordered("strategy", ranking.strategies().get(j), "meanRank", ranking.meanRanks()[j]));
            }
            summary.put("ranking", ranks);
            RankingStats.Friedman f = ranking.friedman();
            Map<String, Object> fr = new LinkedHashMap<>();
            // Not computable (every block ties every strategy) is null throughout; an unbounded F (every block
            // ranks alike) is null with its p-value.
            fr.put("computable", !Double.isNaN(f.statistic()));
            fr.put("statistic", finite(f.statistic()));
            fr.put("p", finite(f.p()));
            fr.put("imanDavenportF", finite(f.imanDavenportF()));
            fr.put("imanDavenportP", finite(f.imanDavenportP()));
            fr.put("blocks", f.blocks());
            fr.put("criticalDifference", ranking.criticalDifference());
            summary.put("friedman", fr);
            summary.put("pairwise", comparisons.ranking().stream().map(JsonReporter::comparison).toList());
            summary.put("identicalStrategies", ranking.identical());
        }
        summary.put("compute", SummaryCells.compute(results));
        ProfileSection.summarise(ProfileSection.of(results), summary);
        List<TuningReport.Group> tuning = TuningReport.of(results);
        if (tuning != null) {
            summary.put("tuning", TuningReport.summary(results, tuning));
        }
        Path s = AtomicFiles.write(outDir.resolve("summary.json"), json.writeValueAsString(summary));
        List<Path> files = new ArrayList<>(List.of(p, s));
        if (options.traces()) {
            files.addAll(traces(results, outDir));
        }
        return files;
    }

    /** The swept keys beyond Table 1's four that a cell's runs share. */
    private static Map<String, Object> otherCoordinates(org.lrsearch.api.RunResult run) {
        Map<String, Object> m = new LinkedHashMap<>();
        run.spec().coordinates().forEach((k, v) -> {
            if (!ResultCells.TABLE1_KEYS.contains(k) && !ResultCells.METHOD_KEYS.contains(k)) {
                m.put(k, v);
            }
        });
        return m;
    }

    /** One JSON-lines file per run, named by its run id (hex digits only, so always inside {@code traces/}). */
    static List<Path> traces(ExperimentResults results, Path outDir) throws IOException {
        ObjectMapper line = new ObjectMapper();
        Path dir = java.nio.file.Files.createDirectories(outDir.resolve("traces"));
        List<Path> files = new ArrayList<>();
        for (var run : results.runs()) {
            if (!run.spec().runId().matches("[0-9a-zA-Z_-]+")) {
                throw new IOException("run id " + run.spec().runId() + " is not a safe file name");
            }
            StringBuilder sb = new StringBuilder();
            for (var e : run.events()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("type", e.type());
                m.put("iteration", e.iteration());
                m.putAll(e.payload());
                sb.append(line.writeValueAsString(m)).append('\n');
            }
            for (var sc : run.scalars()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("type", "scalar");
                m.put("name", sc.name());
                m.put("iterations", sc.iterations());
                List<Object> values = new ArrayList<>();
                for (double v : sc.values()) {
                    values.add(Double.isFinite(v) ? v : null);
                }
                m.put("values", values);
                sb.append(line.writeValueAsString(m)).append('\n');
            }
            for (var seg : run.lrSegments()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("type", "lr");
                m.put("from", seg.from());
                m.put("to", seg.to());
                m.put("lr", Double.isNaN(seg.lr()) ? null : seg.lr());
                sb.append(line.writeValueAsString(m)).append('\n');
            }
            Path f = dir.resolve(run.spec().runId() + ".jsonl");
            files.add(AtomicFiles.write(f, sb.toString()));
        }
        return files;
    }

    /** One comparison as summary.json records it: the same numbers and verdict wherever the pair appears. */
    private static Map<String, Object> comparison(PairedStats ps) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("method", ps.method());
        m.put("baseline", ps.baseline());
        m.put("pairs", ps.pairs());
        m.put("nonZeroPairs", ps.nonZero());
        m.put("meanDifference", ps.meanDiff());
        m.put("ci95", Double.isNaN(ps.ciLow()) ? null : List.of(ps.ciLow(), ps.ciHigh()));
        m.put("wilcoxonP", Double.isNaN(ps.wilcoxonP()) ? null : ps.wilcoxonP());
        m.put("holmP", Double.isNaN(ps.holmP()) ? null : ps.holmP());
        m.put("holmFamily", ps.family());
        m.put("significant", ps.nonZero() > 0 && ps.significant());
        m.put("pairedTTestP", Double.isNaN(ps.tTestP()) ? null : ps.tTestP());
        m.put("verdict", ps.verdict());
        return m;
    }

    /**
     * A two-key object of summary.json in this order. {@code Map.of} iterates in an order that changes from
     * one JVM to the next, and summary.json must read the same every time it is rendered.
     */
    static Map<String, Object> ordered(String k1, Object v1, String k2, Object v2) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(k1, v1);
        m.put(k2, v2);
        return m;
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
