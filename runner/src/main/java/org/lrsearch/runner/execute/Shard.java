package org.lrsearch.runner.execute;

import org.lrsearch.runner.config.UsageException;
import org.lrsearch.runner.plan.PlannedRun;

/**
 * One share of a plan for a batch scheduler's array job ({@code --shard I/N}, I from 1 as Slurm's
 * {@code --array=1-N} numbers tasks): the runs whose plan position p has p mod N = I − 1. The
 * partition depends on the plan alone, so every task computes the same one.
 *
 * @param index I, from 1 to count
 * @param count N
 */
public record Shard(int index, int count) {
    /** Store metadata key under which a shard's folder records "I/N". */
    public static final String META = "shard";

    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new UsageException("--shard " + index + "/" + count + ": must be I/N with 1 <= I <= N");
        }
    }

    public static Shard parse(String text) {
        String[] parts = text.split("/", -1);
        try {
            if (parts.length == 2) {
                return new Shard(Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip()));
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("--shard '" + text + "': must be I/N (e.g. 2/8), I and N whole numbers with 1 <= I <= N");
    }

    public boolean owns(PlannedRun run) {
        return run.order() % count == index - 1;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
