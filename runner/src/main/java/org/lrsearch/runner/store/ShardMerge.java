package org.lrsearch.runner.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.lrsearch.api.RunResult;
import org.lrsearch.runner.config.Mappers;
import org.lrsearch.runner.config.UsageException;
import org.lrsearch.runner.plan.PlanIdentity;

/**
 * Combines the folders of {@code lrsearch run --shard I/N} into one results folder: refused (exit 2)
 * unless every folder holds the same plan (the fingerprint {@code --resume} compares), each shard
 * appears once, no run is in two folders and, without {@code partial}, every run of the plan is
 * there. Runs keep their plan positions, so the merged store reads as one local run's.
 */
public final class ShardMerge {
    private ShardMerge() {
    }

    /** What was merged: runs copied, and runs of the plan that no shard holds. */
    public record Merged(int runs, int missing) {
    }

    /**
     * @param shardMetaKey the store metadata key holding a shard's "I/N" (absent: the whole plan, 1/1)
     * @param copiedMeta   metadata copied from the first folder besides the plan: what the reporters need
     */
    public static Merged merge(List<Path> shards, Path out, boolean partial, String shardMetaKey, List<String> copiedMeta) {
        if (shards.isEmpty()) {
            throw new UsageException("merge: give the shard folders to combine");
        }
        if (Files.exists(out.resolve(ResultsStore.FILE)) || (Files.isDirectory(out) && nonEmpty(out))) {
            throw new UsageException("--out " + out + " is not empty: merge into a new or empty folder");
        }
        PlanIdentity plan = null;
        Path planFrom = null;
        Map<String, String> meta = new LinkedHashMap<>();
        Map<String, Path> shardOf = new LinkedHashMap<>();
        Map<String, Path> runFrom = new LinkedHashMap<>();
        Integer count = null;
        for (Path dir : shards) {
            if (!Files.isRegularFile(dir.resolve(ResultsStore.FILE))) {
                throw new UsageException(dir + ": no " + ResultsStore.FILE + " here; give the --out folders of the shards");
            }
            try (ResultsStore store = ResultsStore.open(dir)) {
                String json = store.meta(OutputFolder.META_PLAN);
                if (json == null) {
                    throw new UsageException(dir + ": its store records no plan, so it cannot be checked against the others");
                }
                PlanIdentity p = Mappers.JSON.readValue(json, PlanIdentity.class);
                if (plan == null) {
                    plan = p;
                    planFrom = dir;
                    meta.put(OutputFolder.META_PLAN, json);
                    for (String key : copiedMeta) {
                        String v = store.meta(key);
                        if (v != null) {
                            meta.put(key, v);
                        }
                    }
                } else if (!p.fingerprint().equals(plan.fingerprint())) {
                    List<String> d = p.differencesFrom(plan);
                    throw new UsageException(dir + " holds another experiment than " + planFrom + ":\n  - "
                            + String.join("\n  - ", d.subList(0, Math.min(d.size(), 12))));
                }
                String shard = store.meta(shardMetaKey);
                String label = shard == null ? "1/1" : shard;
                int n = Integer.parseInt(label.substring(label.indexOf('/') + 1));
                if (count != null && n != count) {
                    throw new UsageException(dir + " is shard " + label + " but " + shardOf.values().iterator().next()
                            + " is one of " + count + ": the shards must split the plan the same way");
                }
                count = n;
                Path twice = shardOf.put(label, dir);
                if (twice != null) {
                    throw new UsageException("shard " + label + " is given twice: " + twice + " and " + dir);
                }
                for (String id : store.runIds()) {
                    Path other = runFrom.put(id, dir);
                    if (other != null) {
                        throw new UsageException("run " + id + " is in both " + other + " and " + dir
                                + ": the shards overlap");
                    }
                }
            } catch (IOException e) {
                throw new UsageException(dir + ": unreadable plan in its store (" + e.getMessage() + ")", e);
            }
        }
        List<String> missing = plan.runIds().stream().filter(id -> !runFrom.containsKey(id)).toList();
        if (!missing.isEmpty() && !partial) {
            Set<String> absent = new TreeSet<>();
            for (int i = 1; i <= count; i++) {
                if (!shardOf.containsKey(i + "/" + count)) {
                    absent.add(i + "/" + count);
                }
            }
            throw new UsageException(missing.size() + " of the plan's " + plan.runIds().size() + " runs are in none of the "
                    + "folders" + (absent.isEmpty() ? " (resume the shards that stopped early)" : " (shards not given: "
                    + String.join(", ", absent) + ")") + "; add --partial to merge what is there");
        }
        Map<String, Integer> order = new LinkedHashMap<>();
        for (int i = 0; i < plan.runIds().size(); i++) {
            order.put(plan.runIds().get(i), i);
        }
        int copied = 0;
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new UsageException("--out " + out + ": cannot be created (" + e.getMessage() + ")", e);
        }
        try (ResultsStore target = ResultsStore.open(out)) {
            meta.forEach(target::putMeta);
            for (Path dir : shardOf.values()) {
                try (ResultsStore store = ResultsStore.open(dir)) {
                    for (RunResult r : store.runs()) {
                        Integer position = order.get(r.spec().runId());
                        if (position == null) {
                            throw new UsageException(dir + ": run " + r.spec().runId() + " is not in the plan its store records");
                        }
                        target.save(position, r);
                        copied++;
                    }
                }
            }
        }
        return new Merged(copied, missing.size());
    }

    private static boolean nonEmpty(Path dir) {
        try (var files = Files.list(dir)) {
            return files.findAny().isPresent();
        } catch (IOException e) {
            return true;
        }
    }
}
