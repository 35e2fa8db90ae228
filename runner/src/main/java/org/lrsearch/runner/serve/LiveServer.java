package org.lrsearch.runner.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.lrsearch.runner.config.UsageException;
import org.lrsearch.runner.report.Reports;

/**
 * {@code lrsearch serve}: a read-only web page over a results folder that follows the study as its runs
 * commit. The JDK's own HTTP server ({@code jdk.httpserver}): a handful of GET routes on one machine need no
 * framework and no dependency. Routes: {@code /} the live page, {@code /status.json} the progress,
 * {@code /results.csv}, {@code /curves.csv}, {@code /summary.json} rendered from the store now, and any other
 * path a file of the folder as it is (its run.log, provenance.json, static report: {@link FolderFiles}). Only GET and HEAD; nothing is
 * ever written to the folder.
 */
public final class LiveServer implements AutoCloseable {
    private static final Logger LOG = LogManager.getLogger(LiveServer.class);
    public static final int DEFAULT_PORT = 8765;
    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8", "csv", "text/csv; charset=utf-8",
            "json", "application/json", "jsonl", "application/x-ndjson", "svg", "image/svg+xml", "png", "image/png",
            "log", "text/plain; charset=utf-8", "yaml", "text/plain; charset=utf-8", "txt", "text/plain; charset=utf-8");

    private final HttpServer http;
    private final LiveState state;
    private final ExecutorService handlers = Executors.newFixedThreadPool(4, daemon("lrsearch-serve"));
    private final Thread renderer;
    private final boolean loopback;
    private volatile boolean closed;
    /** Called with each request's path before it is answered (tests commit runs there, at a known moment). */
    volatile Consumer<String> beforeRequest = path -> { };

    private LiveServer(HttpServer http, LiveState state, boolean loopback) {
        this.http = http;
        this.state = state;
        this.loopback = loopback;
        this.renderer = daemon("lrsearch-serve-render").newThread(this::renderLoop);
    }

    /**
     * Serves {@code folder} on {@code host}:{@code port} (port 0: any free one) until {@link #close}. A folder with
     * no store yet is accepted only when {@code waitForStore} (a study that {@code run --serve} is starting).
     */
    public static LiveServer start(Path folder, String host, int port, boolean waitForStore, Reports reports, PrintStream err) {
        if (!waitForStore && !Files.isRegularFile(folder.resolve("results.db"))) {
            throw new UsageException(folder + ": no results.db here; give the --out folder of a run (lrsearch serve shows "
                    + "a study's results as its runs commit)");
        }
        if (port < 0 || port > 65_535) {
            throw new UsageException("--port " + port + ": must be between 0 (any free port) and 65535");
        }
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new UsageException("--host " + host + ": not a known address (" + e.getMessage() + "); give 127.0.0.1 "
                    + "(this machine only, the default) or 0.0.0.0 (every interface)");
        }
        HttpServer http;
        try {
            http = HttpServer.create(new InetSocketAddress(address, port), 0);
        } catch (BindException e) {
            throw new UsageException("--port " + port + ": " + host + ":" + port + " is in use or not available here ("
                    + e.getMessage() + "); give another --port, or --port 0 for any free one");
        } catch (IOException e) {
            throw new UsageException("--host " + host + " --port " + port + ": cannot serve there (" + e.getMessage() + ")");
        }
        LiveState state;
        try {
            state = new LiveState(folder, reports);
            state.status();
        } catch (IOException | RuntimeException e) {
            http.stop(0);
            throw e instanceof UsageException u ? u : new UsageException(folder + ": cannot read the results store ("
                    + e.getMessage() + ")", e);
        }
        LiveServer server = new LiveServer(http, state, address.isLoopbackAddress());
        if (!address.isLoopbackAddress()) {
            err.println("warning: serving on " + host + ": the page and the files of " + folder + " are readable by anyone "
                    + "who can reach port " + server.port() + " of this machine");
        }
        if (state.isCopy()) {
            err.println(folder + ": a results store of an older layout, served from a migrated copy; the folder is not changed");
        }
        http.createContext("/", server::handle);
        http.setExecutor(server.handlers);
        http.start();
        server.renderer.start();
        return server;
    }

    LiveState state() {
        return state;
    }

    public int port() {
        return http.getAddress().getPort();
    }

    /** The page's address, as a browser on this machine reaches it. */
    public URI uri() {
        InetSocketAddress a = http.getAddress();
        String host = a.getAddress().isAnyLocalAddress() || a.getAddress().isLoopbackAddress() ? "127.0.0.1"
                : a.getAddress().getHostAddress();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort() + "/");
    }

    /**
     * Renders the report again whenever the store has changed, leaving three times as long between renderings as
     * the last one took (and at least a second), so that rendering takes at most a quarter of one core from the
     * study's runs however large the study.
     */
    private void renderLoop() {
        while (!closed) {
            long t0 = System.nanoTime();
            try {
                state.refresh();
            } catch (RuntimeException e) {
                LOG.warn("cannot render {}: {}", state.folder(), e.getMessage());
            }
            long took = (System.nanoTime() - t0) / 1_000_000;
            try {
                Thread.sleep(Math.max(1000, 3 * took));
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void handle(HttpExchange x) {
        try {
            String raw = x.getRequestURI().getRawPath();
            beforeRequest.accept(raw);
            String method = x.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                x.getResponseHeaders().set("Allow", "GET, HEAD");
                send(x, 405, "text/plain; charset=utf-8", "read-only: only GET and HEAD\n");
                return;
            }
            if (loopback && !localHost(x.getRequestHeaders().getFirst("Host"))) {
                // A page of another site that resolves its name to 127.0.0.1 must not read this one.
                send(x, 400, "text/plain; charset=utf-8", "served to this machine only: Host must be 127.0.0.1 or localhost\n");
                return;
            }
            LiveState.Snapshot snapshot = state.snapshot();
            switch (raw) {
                case "/", "/index.html" -> send(x, 200, TYPES.get("html"),
                        LivePage.html(snapshot, state.status(), state.folder().toString()));
                case "/status.json" -> send(x, 200, TYPES.get("json"), LivePage.statusJson(state.status(), snapshot));
                default -> file(x, raw, snapshot);
            }
        } catch (RuntimeException | IOException e) {
            LOG.warn("serving {}: {}", x.getRequestURI(), e.toString());
            try {
                send(x, 500, "text/plain; charset=utf-8", "error: " + e.getMessage() + "\n");
            } catch (IOException | RuntimeException ignored) {
                // the response had begun, or the client left: nothing more to say
            }
        } finally {
            x.close();
        }
    }

    private void file(HttpExchange x, String raw, LiveState.Snapshot snapshot) throws IOException {
        String name = raw.substring(1);
        if (LiveState.DOWNLOADS.containsKey(name)) {
            if (snapshot == null) {
                send(x, 503, "text/plain; charset=utf-8", "not rendered yet; try again in a moment\n");
                return;
            }
            x.getResponseHeaders().set("Content-Disposition", "attachment; filename=\"" + name + "\"");
            sendFile(x, state.download(snapshot, name));
            return;
        }
        Optional<Path> file;
        try {
            file = FolderFiles.resolve(state.folder(), raw);
        } catch (FolderFiles.BadPath e) {
            send(x, 400, "text/plain; charset=utf-8", e.getMessage() + "\n");
            return;
        }
        if (file.isEmpty()) {
            send(x, 404, "text/plain; charset=utf-8", "not found\n");
            return;
        }
        sendFile(x, file.get());
    }

    private static boolean localHost(String host) {
        if (host == null) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        int colon = h.lastIndexOf(':');
        if (colon > h.lastIndexOf(']')) {
            h = h.substring(0, colon);
        }
        return List.of("127.0.0.1", "localhost", "[::1]").contains(h);
    }

    private static void sendFile(HttpExchange x, Path file) throws IOException {
        String name = file.getFileName().toString();
        String ext = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        x.getResponseHeaders().set("Content-Type", TYPES.getOrDefault(ext, "application/octet-stream"));
        headers(x);
        long size = Files.size(file);
        boolean head = x.getRequestMethod().equals("HEAD");
        x.sendResponseHeaders(200, head ? -1 : size == 0 ? -1 : size);
        if (!head) {
            try (OutputStream out = x.getResponseBody()) {
                Files.copy(file, out);
            }
        }
    }

    private static void send(HttpExchange x, int code, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().set("Content-Type", type);
        headers(x);
        boolean head = x.getRequestMethod().equals("HEAD");
        x.sendResponseHeaders(code, head || bytes.length == 0 ? -1 : bytes.length);
        if (!head) {
            try (OutputStream out = x.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private static void headers(HttpExchange x) {
        x.getResponseHeaders().set("Cache-Control", "no-store");
        x.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    }

    /** Blocks until the server is closed (by {@link #close}, or the JVM's shutdown on Ctrl-C). */
    public void await() throws InterruptedException {
        synchronized (this) {
            while (!closed) {
                wait();
            }
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            notifyAll();
        }
        renderer.interrupt();
        http.stop(0);
        handlers.shutdownNow();
        try {
            renderer.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        state.close();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
