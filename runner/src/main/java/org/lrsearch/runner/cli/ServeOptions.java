package org.lrsearch.runner.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import org.lrsearch.runner.report.Reports;
import org.lrsearch.runner.serve.LiveServer;
import picocli.CommandLine.Option;

/** Where {@code serve} and {@code run --serve} listen. */
class ServeOptions {
    @Option(names = "--port", paramLabel = "N", description = "port of the live page (default: "
            + LiveServer.DEFAULT_PORT + "; 0: any free port)")
    Integer port;

    @Option(names = "--host", paramLabel = "H", defaultValue = "127.0.0.1", description = "address to listen on "
            + "(default: 127.0.0.1, this machine only; 0.0.0.0: every interface, readable by anyone who can reach it)")
    String host;

    /** Starts serving {@code dir} and says where. */
    LiveServer start(Path dir, boolean waitForStore, Reports reports, PrintStream console) {
        LiveServer server = LiveServer.start(dir, host, port == null ? LiveServer.DEFAULT_PORT : port, waitForStore, reports,
                System.err);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "lrsearch-serve-stop"));
        console.println("serving " + dir + " at " + server.uri() + " (read-only; Ctrl-C stops)");
        console.flush();
        return server;
    }
}
