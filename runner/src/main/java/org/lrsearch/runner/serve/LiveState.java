package org.lrsearch.runner.serve;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.lrsearch.api.ExperimentInfo;
import org.lrsearch.api.RunResult;
import org.lrsearch.api.RunStatus;
import org.lrsearch.runner.config.Mappers;
import org.lrsearch.runner.execute.ExperimentRunner;
import org.lrsearch.runner.execute.ProgressLines;
import org.lrsearch.runner.report.Reports;
import org.lrsearch.runner.store.OutputFolder;
import org.lrsearch.runner.store.ReadOnlyStore;
import org.lrsearch.runner.store.ResultsStore;

/**
 * What {@code lrsearch serve} shows of a results folder: its progress, read on every request, and the report
 * rendered by the experiment's own html reporter over the runs stored so far, again whenever the store has
 * changed. Everything rendered goes to a scratch folder outside the study's folder; the store is opened read-only.
 */
final class LiveState implements AutoCloseable {
    private static final Logger LOG = LogManager.getLogger(LiveState.class);
    /** The download links of the page, and the reporter that renders each. */
    static final Map<String, String> DOWNLOADS = Map.of("results.csv", "csv", "curves.csv", "csv", "summary.json", "json");

    private final Path folder;
    private final Reports reports;
    private final Path scratch;
    private volatile boolean copy;
    /** The plan record the run ids in {@link #planned} were read from. */
    private String plannedFrom;
    private Set<String> planned = Set.of();
    private volatile Snapshot current;
    /** The snapshot before the current one, kept until the next: a download of it may still be under way. */
    private Snapshot previous;
    private int serial;
    private final Object rendering = new Object();

    /** One rendering of the store: the page's report, or why there is none yet, and files rendered on demand. */
    record Snapshot(String mark, Path dir, String html, String problem, Map<String, Path> downloads) {
    }

    /**
     * Progress as the words of the page ({@link #words}) and the figures behind them.
     *
     * @param etaMs the run command's estimate of the time left, as of now; null when unknown
     */
    record Status(int done, int total, int failed, int diverged, Long etaMs, boolean finished, String mark) {
        String words() {
            String tail = finished ? "finished" : etaMs == null ? "ETA unknown" : "ETA " + ProgressLines.clock(etaMs);
            return done + " of " + total + " runs done, " + failed + " failed, " + diverged + " diverged, " + tail;
        }
    }

    LiveState(Path folder, Reports reports) throws IOException {
        this.folder = folder;
        this.reports = reports;
        this.scratch = Files.createTempDirectory("lrsearch-serve-");
    }

    Path folder() {
        return folder;
    }

    /** Whether the store exists yet (a study started with {@code run --serve} creates it after the server starts). */
    private boolean ready() {
        return Files.isRegularFile(folder.resolve(ResultsStore.FILE));
    }

    /**
     * The store, opened for this one look (so the study's writer stays its last connection and tidies up).
     * One opening at a time: an older layout's store is copied on the first, which the others must not race.
     */
    private synchronized ResultsStore open() {
        ReadOnlyStore.Opened o = ReadOnlyStore.open(folder, scratch.resolve("migrated"));
        copy = o.copy();
        return o.store();
    }

    /** Whether the store is a migrated copy of an older layout's (then it does not follow the folder). */
    boolean isCopy() {
        return copy;
    }

    /** The progress now: N of M runs, failed, diverged, the run command's ETA. */
    synchronized Status status() throws IOException {
        if (!ready()) {
            return new Status(0, 0, 0, 0, null, false, "");
        }
        try (ResultsStore store = open()) {
            // The plan's run ids are parsed again only when the plan record changes, not on every poll (it lists
            // every run: 450 KB of JSON for 30,000 runs).
            String planJson = store.meta(OutputFolder.META_PLAN);
            if (planJson != null && !planJson.equals(plannedFrom)) {
                Set<String> ids = new HashSet<>();
                Mappers.JSON.readTree(planJson).path("runIds").forEach(id -> ids.add(id.asText()));
                planned = ids;
                plannedFrom = planJson;
            }
            Map<String, String> statuses = store.statuses();
            // A tuned study's evaluation runs are planned from its tuning runs: they count once they are stored.
            long unplanned = statuses.keySet().stream().filter(id -> !planned.contains(id)).count();
            int failed = 0;
            int diverged = 0;
            for (String s : statuses.values()) {
                failed += s.equals(RunStatus.FAILED.key()) ? 1 : 0;
                diverged += s.equals(RunStatus.DIVERGED.key()) ? 1 : 0;
            }
            ExperimentInfo info = info(store);
            boolean finished = info != null && info.finished() != null;
            return new Status(statuses.size(), (int) (planned.size() + unplanned), failed, diverged,
                    finished ? Long.valueOf(0) : eta(store.meta(ExperimentRunner.META_PROGRESS)), finished, store.changeMark());
        }
    }

    /** The run command's estimate, less the time since it was made; unknown once no run has committed for 10 minutes. */
    private static Long eta(String json) throws IOException {
        if (json == null) {
            return null;
        }
        JsonNode p = Mappers.JSON.readTree(json);
        long since = System.currentTimeMillis() - p.path("at").asLong();
        return since > 600_000 ? null : Math.max(0, p.path("etaMs").asLong() - since);
    }

    private static ExperimentInfo info(ResultsStore store) throws IOException {
        String json = store.meta(Reports.META_INFO);
        return json == null ? null : Mappers.JSON.readValue(json, ExperimentInfo.class);
    }

    Snapshot snapshot() {
        return current;
    }

    /**
     * Renders the page's report again if the store has changed since the last rendering. Until the study has
     * finished, the report holds the cells whose every seed is complete (a tuned study's tuning runs as they
     * land), so no cell shows a mean of some of its seeds; once it has finished, every run, as report.html does.
     */
    void refresh() {
        // One rendering at a time (the render loop, and a caller that asks for one now): two at once would
        // share the next snapshot's folder and its report.html.part. A lock of its own, so that status()
        // is not kept waiting while a report renders.
        synchronized (rendering) {
            render();
        }
    }

    private void render() {
        if (!ready()) {
            return;
        }
        Snapshot last = current;
        Path dir = scratch.resolve("s" + (serial + 1));
        Snapshot next;
        try (ResultsStore store = open()) {
            String mark = store.changeMark();
            if (last != null && last.mark().equals(mark)) {
                return;
            }
            serial++;
            try {
                ExperimentInfo info = info(store);
                boolean finished = info != null && info.finished() != null;
                int seeds = info == null || info.seeds() == null || info.seeds().isEmpty() ? 1 : info.seeds().size();
                Files.createDirectories(dir);
                int[] sizes = new int[2];
                List<Path> files = reports.write(store, folder, dir, runs -> {
                    List<RunResult> kept = finished ? runs : completeCells(runs, seeds);
                    sizes[0] = runs.size();
                    sizes[1] = kept.size();
                    return kept;
                }, List.of("html"));
                Path page = files.stream().filter(f -> f.getFileName().toString().endsWith(".html")).findFirst().orElseThrow();
                LOG.debug("rendered {} of {} runs of {}", sizes[1], sizes[0], folder);
                next = sizes[1] > 0 ? new Snapshot(mark, dir, Files.readString(page), null, new LinkedHashMap<>())
                        : new Snapshot(mark, dir, null, sizes[0] == 0 ? "No run has finished yet." : "No cell has all "
                                + seeds + " of its seeds complete yet (" + sizes[0] + " runs stored).", new LinkedHashMap<>());
            } catch (RuntimeException | IOException e) {
                LOG.debug("no report of {} yet", folder, e);
                next = new Snapshot(mark, dir, null, "No report yet: " + e.getMessage(), new LinkedHashMap<>());
            }
        }
        current = next;
        if (previous != null) {
            delete(previous.dir());
        }
        previous = last;
    }

    /** The runs of cells (the same coordinates) whose every seed has completed, and every tuning run. */
    static List<RunResult> completeCells(List<RunResult> runs, int seeds) {
        Map<Map<String, Object>, Integer> complete = new LinkedHashMap<>();
        for (RunResult r : runs) {
            if (r.status() != RunStatus.FAILED) {
                complete.merge(r.spec().coordinates(), 1, Integer::sum);
            }
        }
        List<RunResult> kept = new ArrayList<>();
        for (RunResult r : runs) {
            if ("tuning".equals(r.spec().coordinates().get("phase")) || complete.getOrDefault(r.spec().coordinates(), 0) >= seeds) {
                kept.add(r);
            }
        }
        return kept;
    }

    /**
     * A download of the snapshot {@code s}: {@code name} rendered by its reporter over every run stored now
     * (the files as {@code lrsearch report} would write them at this moment), once per snapshot.
     */
    Path download(Snapshot s, String name) throws IOException {
        synchronized (s.downloads()) {
            Path file = s.downloads().get(name);
            if (file == null || !Files.exists(file)) {
                Path dir = s.dir().resolve("downloads-" + DOWNLOADS.get(name));
                Files.createDirectories(dir);
                try (ResultsStore store = open()) {
                    for (Path f : reports.write(store, folder, dir, null, List.of(DOWNLOADS.get(name)))) {
                        s.downloads().put(f.getFileName().toString(), f);
                    }
                }
                file = s.downloads().get(name);
            }
            return file;
        }
    }

    private static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        delete(scratch);
    }
}
