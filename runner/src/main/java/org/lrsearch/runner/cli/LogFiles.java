package org.lrsearch.runner.cli;

import java.nio.file.Path;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.FileAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.lrsearch.runner.config.UsageException;

/** Adds the full {@code run.log} of an experiment's output folder to the console logging of log4j2.xml. */
final class LogFiles {
    private LogFiles() {
    }

    /** @throws UsageException when the log cannot be created (the folder is read-only, say) */
    static void attach(Path file) {
        LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
        Configuration config = ctx.getConfiguration();
        FileAppender appender = FileAppender.newBuilder()
                .setName("run-log")
                .withFileName(file.toString())
                .withAppend(true)
                .setLayout(PatternLayout.newBuilder().withConfiguration(config)
                        .withPattern("%d{ISO8601} %-5level [%t] %c{1.} - %msg%n%throwable").build())
                .setConfiguration(config)
                .build();
        if (appender == null || !java.nio.file.Files.isWritable(file.toAbsolutePath().getParent())) {
            throw new UsageException(file + ": cannot create the experiment's log (is the folder writable?)");
        }
        appender.start();
        config.addAppender(appender);
        for (LoggerConfig lc : config.getLoggers().values()) {
            lc.addAppender(appender, Level.DEBUG, null);
        }
        config.getRootLogger().addAppender(appender, Level.INFO, null);
        ctx.updateLoggers();
    }
}
