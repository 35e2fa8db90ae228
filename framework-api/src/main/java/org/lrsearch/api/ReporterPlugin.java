package org.lrsearch.api;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Writes files from finished results. Reporters only read {@link ExperimentResults}: they can be
 * re-run on a finished experiment ({@code lrsearch report DIR}) without training anything.
 *
 * @since 0.1
 */
public interface ReporterPlugin<O extends Record> extends Plugin<O> {

    /**
     * @param outDir the experiment's output folder; every file written stays inside it
     * @return the files written (the runner records them, so {@code --force} removes exactly these)
     */
    List<Path> report(O options, ExperimentResults results, Path outDir) throws IOException;

    /**
     * The files this reporter writes whatever the results hold, relative to the output folder
     * (e.g. {@code results.csv}). The runner refuses to write into a folder where one of them
     * already exists and was not written by lrsearch. Files named after runs are not listed here:
     * they are recorded as {@link #report} returns them.
     */
    default List<String> outputs(O options) {
        return List.of();
    }

    /**
     * Checks, before any run starts, what can be checked without results (templates parse, a
     * reference table reads), so a mistake costs nothing.
     *
     * @param report the config's {@code report} section, paths absolute
     * @throws IOException with a message naming the file and what is wrong
     */
    default void check(O options, Map<String, Object> report) throws IOException {
    }
}
