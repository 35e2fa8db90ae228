package org.lrsearch.api;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes files from finished results. Reporters only read {@link ExperimentResults}: they can be
 * re-run on a finished experiment ({@code lrsearch report DIR}) without training anything.
 */
public interface ReporterPlugin<O extends Record> extends Plugin<O> {

    /**
     * @param outDir the experiment's output folder; every file written stays inside it
     * @return the files written
     */
    List<Path> report(O options, ExperimentResults results, Path outDir) throws IOException;
}
