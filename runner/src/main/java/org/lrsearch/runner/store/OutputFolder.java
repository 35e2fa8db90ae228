package org.lrsearch.runner.store;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.lrsearch.runner.config.Mappers;
import org.lrsearch.runner.config.UsageException;
import org.lrsearch.runner.plan.ExperimentPlan;
import org.lrsearch.runner.plan.PlanIdentity;
import org.lrsearch.runner.plugins.BoundPlugin;

/**
 * The rules that keep an output folder honest whatever sequence of commands the user types:
 * {@code --resume} continues only the experiment that is stored there, {@code --force} deletes
 * only what lrsearch wrote, and a folder of someone else's files is never written into by
 * surprise.
 */
public final class OutputFolder {
    /** The store's record of the plan it was started with ({@link PlanIdentity} as JSON). */
    public static final String META_PLAN = "plan";
    /** The store's record of every file the reporters wrote, relative to the folder. */
    static final String META_WRITTEN = "written";
    /** What the runner itself writes. */
    static final List<String> OWN_FILES = List.of(ResultsStore.FILE, ResultsStore.FILE + "-wal",
            ResultsStore.FILE + "-shm", "run.log");
    /** What the bundled reporters wrote before stores recorded it, for --force on an older store. */
    private static final List<String> LEGACY_OUTPUTS = List.of("results.csv", "curves.csv", "report.html",
            "provenance.json", "summary.json");

    private OutputFolder() {
    }

    /**
     * Makes {@code out} ready for {@code plan}, or refuses (exit 2) with what to do instead.
     *
     * @throws UsageException when the flags and the folder's content do not fit together
     */
    public static void prepare(Path out, boolean resume, boolean force, ExperimentPlan plan) {
        if (resume && force) {
            throw new UsageException("--resume and --force exclude each other: --resume finishes the runs stored in "
                    + out + ", --force deletes them first; give one");
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new UsageException("--out " + out + " is a file, not a folder");
        }
        try {
            if (Files.isRegularFile(out.resolve(ResultsStore.FILE))) {
                if (force) {
                    deleteOwnFiles(out);
                } else {
                    requireSamePlan(out, plan, resume);
                }
            } else if (!startupLeftoversOnly(out)) {
                if (!force) {
                    throw new UsageException("--out " + out + " is not empty and holds no lrsearch results (no "
                            + ResultsStore.FILE + (resume ? "), so there is nothing to resume" : ")")
                            + ": choose a new or empty folder, or add --force to write beside the files there "
                            + "(refused when one of them would be overwritten)");
                }
                List<String> clash = plannedOutputs(plan).stream().filter(f -> Files.exists(out.resolve(f))).toList();
                if (!clash.isEmpty()) {
                    throw new UsageException("--out " + out + " holds files that lrsearch did not write and would "
                            + "overwrite: " + String.join(", ", clash) + "; choose another folder");
                }
            }
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new UsageException("--out " + out + ": cannot be prepared (" + e.getMessage() + ")", e);
        }
    }

    /** Every file this plan writes, relative to the folder: the runner's own and what the reporters declare. */
    static List<String> plannedOutputs(ExperimentPlan plan) {
        Set<String> files = new LinkedHashSet<>(OWN_FILES);
        for (ExperimentPlan.Reporter r : plan.reporters()) {
            for (String f : BoundPlugin.outputs(r.bound())) {
                if (f.contains("{run}")) {
                    plan.runs().forEach(run -> files.add(f.replace("{run}", run.spec().runId())));
                } else {
                    files.add(f);
                }
            }
        }
        return new ArrayList<>(files);
    }

    /**
     * A stored experiment may be continued only by its own plan. With {@code resume} that is what happens;
     * without it the folder is refused, saying at once whether the plan differs (and what) or how to
     * finish it, except when the store holds no run yet: a start killed before its first run committed
     * is simply started again.
     */
    private static void requireSamePlan(Path out, ExperimentPlan plan, boolean resume) throws IOException {
        List<String> differences;
        int stored;
        try (ResultsStore store = ResultsStore.open(out)) {
            stored = store.runIds().size();
            String json = store.meta(META_PLAN);
            if (json == null) {
                // No plan recorded: a store from before plans were, or a start killed before it wrote its plan.
                // Its runs (if any) must all belong to this plan.
                long foreign = store.runIds().stream().filter(id -> !plan.identity().runIds().contains(id)).count();
                differences = foreign == 0 ? List.of() : List.of(foreign + " stored runs are not in the current plan");
            } else {
                differences = plan.identity().differencesFrom(Mappers.JSON.readValue(json, PlanIdentity.class));
            }
        }
        if (!differences.isEmpty()) {
            throw new UsageException((resume ? "--resume: " : "--out ") + out + " holds another experiment than this "
                    + "config plans:\n  - " + String.join("\n  - ", differences.subList(0, Math.min(differences.size(), 12)))
                    + (differences.size() > 12 ? "\n  - ... (" + (differences.size() - 12) + " more)" : "")
                    + "\nResume with the config, overrides and --plugins it was started with, start it over with "
                    + "--force, or give another --out");
        }
        if (!resume && stored > 0) {
            throw new UsageException("--out " + out + " already holds " + stored + " of the " + plan.runs().size()
                    + " runs of this experiment; add --resume to finish them, or --force to replace them");
        }
    }

    /**
     * Whether {@code dir} is missing, empty, or holds only what lrsearch writes before its store exists
     * (the log, a store's journal files, a file half-written by {@code NAME.part}): a start killed that
     * early left nothing of anyone else's, so a new start or {@code --resume} may proceed.
     */
    static boolean startupLeftoversOnly(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return true;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.allMatch(p -> Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                    && (OWN_FILES.contains(p.getFileName().toString())
                        || p.getFileName().toString().equals(ResultsStore.FILE + "-journal")
                        || p.getFileName().toString().endsWith(".part")));
        }
    }

    /** Deletes the store, the log and every file the store says the reporters wrote; nothing else. */
    private static void deleteOwnFiles(Path out) throws IOException {
        Set<String> files = new LinkedHashSet<>();
        try (ResultsStore store = ResultsStore.open(out)) {
            String written = store.meta(META_WRITTEN);
            if (written != null) {
                files.addAll(Mappers.JSON.readValue(written, new TypeReference<List<String>>() { }));
            } else {
                files.addAll(LEGACY_OUTPUTS);
                store.runIds().forEach(id -> files.add("traces/" + id + ".jsonl"));
            }
        }
        files.addAll(OWN_FILES);
        Path root = out.toAbsolutePath().normalize();
        for (String f : files) {
            Path p = root.resolve(f).normalize();
            if (p.startsWith(root) && !p.equals(root)) {
                Files.deleteIfExists(p);
            }
        }
        Path traces = root.resolve("traces");
        if (Files.isDirectory(traces) && !nonEmpty(traces)) {
            Files.delete(traces);
        }
    }

    private static boolean nonEmpty(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isPresent();
        }
    }

    /** Records {@code files} (as the reporters returned them) as written by lrsearch, beside those already recorded. */
    public static void recordWritten(ResultsStore store, Path out, List<Path> files) throws IOException {
        Set<String> all = new java.util.TreeSet<>();
        String old = store.meta(META_WRITTEN);
        if (old != null) {
            all.addAll(Mappers.JSON.readValue(old, new TypeReference<List<String>>() { }));
        }
        Path root = out.toAbsolutePath().normalize();
        for (Path f : files) {
            Path p = f.toAbsolutePath().normalize();
            if (p.startsWith(root)) {
                all.add(root.relativize(p).toString().replace('\\', '/'));
            }
        }
        store.putMeta(META_WRITTEN, Mappers.toJson(new ArrayList<>(all)));
    }
}
