package org.lrsearch.runner.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.inject.Guice;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lrsearch.api.RunResult;
import org.lrsearch.runner.cli.Cli;
import org.lrsearch.runner.execute.ExperimentRunner;
import org.lrsearch.runner.plugins.PluginModule;
import org.lrsearch.runner.plugins.Registry;
import org.lrsearch.runner.report.Reports;
import org.lrsearch.runner.store.OutputFolder;
import org.lrsearch.runner.store.ResultsStore;

/**
 * {@code lrsearch serve} over a real study: a finished quick study (8 runs, 2 seeds a cell) is committed run by
 * run into a second folder, as the run command commits them, while the server reads it; headless Chromium
 * shows the page as it follows.
 */
class LiveServerIT {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @TempDir
    static Path tmp;
    static Path finished;
    static List<RunResult> runs;
    static Reports reports;

    @TempDir
    Path dir;

    @BeforeAll
    static void study() {
        finished = tmp.resolve("quick");
        Cli cli = Cli.run("run", Path.of("..", "experiments", "quick.yaml").toString(), "seeds=[0,1]", "--out", finished.toString());
        assertThat(cli.exitCode).as(cli.toString()).isZero();
        // Read whole: the store's runs are read as they are walked, and these are committed again after it closes.
        try (ResultsStore store = ResultsStore.open(finished)) {
            runs = store.runs().stream().map(r -> new RunResult(r.spec(), r.status(), r.message(), r.stoppedAt(),
                    r.testAccuracy(), r.finalTrainLoss(), r.results(), r.forwardPasses(), r.backwardPasses(), r.wallMs(),
                    r.evalMs(), new ArrayList<>(r.curve()), new ArrayList<>(r.events()), new ArrayList<>(r.lrSegments()),
                    new ArrayList<>(r.scalars()), r.warnings(), r.validationAccuracy())).toList();
        }
        assertThat(runs).hasSize(8);
        reports = Guice.createInjector(new PluginModule(Registry.discover((Path) null))).getInstance(Reports.class);
    }

    /** A folder the test writes as the run command does: its experiment recorded unfinished, then runs one by one. */
    private static final class Writer implements AutoCloseable {
        final ResultsStore store;
        int committed;

        Writer(Path folder) throws IOException {
            Files.createDirectories(folder);
            store = ResultsStore.open(folder);
            try (ResultsStore from = ResultsStore.open(finished)) {
                store.putMeta(OutputFolder.META_PLAN, from.meta(OutputFolder.META_PLAN));
                store.putMeta(Reports.META_REPORTERS, from.meta(Reports.META_REPORTERS));
                ObjectNode info = (ObjectNode) new ObjectMapper().readTree(from.meta(Reports.META_INFO));
                info.putNull("finished");
                store.putMeta(Reports.META_INFO, info.toString());
            }
        }

        void commit(int n) {
            for (int i = 0; i < n; i++, committed++) {
                store.save(committed, runs.get(committed));
            }
        }

        void finish() {
            try (ResultsStore from = ResultsStore.open(finished)) {
                store.putMeta(Reports.META_INFO, from.meta(Reports.META_INFO));
            }
        }

        @Override
        public void close() {
            store.close();
        }
    }

    private LiveServer serve(Path folder, boolean waitForStore) {
        return LiveServer.start(folder, "127.0.0.1", 0, waitForStore, reports, new PrintStream(new ByteArrayOutputStream(), true));
    }

    /** Waits until the server has rendered the store as it is now, and returns its status. */
    private static JsonNode rendered(LiveServer server) throws Exception {
        for (int i = 0; i < 600; i++) {
            JsonNode s = new ObjectMapper().readTree(get(server, "/status.json").body);
            if (!s.path("version").isNull() && s.path("version").asText().equals(server.state().status().mark())) {
                return s;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the server did not render the store");
    }

    record Response(int code, String body) {
    }

    /** One request, written byte for byte (no client normalises the path). */
    static Response request(LiveServer server, String method, String path, String host) throws IOException {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            OutputStream out = s.getOutputStream();
            out.write((method + " " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int code = Integer.parseInt(text.substring(9, 12));
            int body = text.indexOf("\r\n\r\n");
            return new Response(code, body < 0 ? "" : text.substring(body + 4));
        }
    }

    static Response get(LiveServer server, String path) throws IOException {
        return request(server, "GET", path, "127.0.0.1:" + server.port());
    }

    @Test
    void progressFollowsTheRunsAsTheyCommitWithTheRunCommandsEta() throws Exception {
        Path live = dir.resolve("live");
        try (Writer w = new Writer(live); LiveServer server = serve(live, false)) {
            JsonNode s = rendered(server);
            assertThat(s.get("progress").asText()).isEqualTo("0 of 8 runs done, 0 failed, 0 diverged, ETA unknown");
            assertThat(get(server, "/").body).contains("No run has finished yet.");
            w.commit(3);
            w.store.putMeta(ExperimentRunner.META_PROGRESS, "{\"etaMs\": 65000, \"at\": " + System.currentTimeMillis() + "}");
            s = rendered(server);
            assertThat(s.get("done").asInt()).isEqualTo(3);
            assertThat(s.get("progress").asText()).matches("3 of 8 runs done, 0 failed, 0 diverged, ETA 1:0[0-5]");
            String page = get(server, "/").body;
            assertThat(page).contains("<section id=\"table1\">").contains("id=\"live-progress\"");
            assertThat(get(server, "/results.csv").body.lines().count()).isEqualTo(1 + 3);
            w.commit(5);
            w.finish();
            s = rendered(server);
            assertThat(s.get("progress").asText()).isEqualTo("8 of 8 runs done, 0 failed, 0 diverged, finished");
            assertThat(section(get(server, "/").body, "table1")).isEqualTo(section(Files.readString(finished.resolve("report.html")), "table1"));
            assertThat(get(server, "/curves.csv").body).isEqualTo(Files.readString(finished.resolve("curves.csv")));
            assertThat(get(server, "/summary.json").code).isEqualTo(200);
        }
    }

    @Test
    void aStudyStartedInAnEmptyFolderIsFollowedFromItsFirstRunToItsReport() throws Exception {
        Path out = dir.resolve("running");
        // As run --serve does: the server first, then the study creates its store.
        try (LiveServer server = serve(out, true)) {
            assertThat(new ObjectMapper().readTree(get(server, "/status.json").body).get("progress").asText())
                    .isEqualTo("0 of 0 runs done, 0 failed, 0 diverged, ETA unknown");
            Cli[] cli = new Cli[1];
            Thread study = new Thread(() -> cli[0] = Cli.run("run", Path.of("..", "experiments", "quick.yaml").toString(),
                    "seeds=[0,1]", "--threads", "1", "--out", out.toString()));
            study.start();
            java.util.Set<Integer> seen = new java.util.TreeSet<>();
            while (study.isAlive()) {
                seen.add(new ObjectMapper().readTree(get(server, "/status.json").body).get("done").asInt());
                Thread.sleep(20);
            }
            study.join();
            assertThat(cli[0].exitCode).as(cli[0].toString()).isZero();
            assertThat(seen).as("runs done as seen while the study ran").hasSizeGreaterThan(2);
            assertThat(rendered(server).get("progress").asText()).isEqualTo("8 of 8 runs done, 0 failed, 0 diverged, finished");
            assertThat(section(get(server, "/").body, "table1")).isEqualTo(section(Files.readString(out.resolve("report.html")), "table1"));
        }
    }

    @Test
    void servingOnEveryInterfaceWarnsThatAnyoneWhoCanReachThePortCanReadIt() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (LiveServer server = LiveServer.start(finished, "0.0.0.0", 0, false, reports, new PrintStream(err, true))) {
            assertThat(err.toString()).contains("warning: serving on 0.0.0.0").contains("readable by anyone");
            assertThat(request(server, "GET", "/status.json", "lab-machine:" + server.port()).code()).isEqualTo(200);
        }
    }

    @Test
    void noRequestReadsAFileOutsideTheFolderNorWrites() throws Exception {
        Path folder = dir.resolve("study");
        copy(finished, folder);
        Files.writeString(Files.createDirectories(dir.resolve("outside")).resolve("secret.txt"), "SECRET");
        Files.createSymbolicLink(folder.resolve("link.txt"), dir.resolve("outside/secret.txt"));
        Map<String, String> before = contents(folder);
        try (LiveServer server = serve(folder, false)) {
            rendered(server);
            for (String path : List.of("/../outside/secret.txt", "/%2e%2e/outside/secret.txt", "/%2E%2E%2Foutside%2Fsecret.txt",
                    "/traces/../../outside/secret.txt", "/" + dir.resolve("outside/secret.txt"), "/link.txt", "/results.db",
                    "/..%5coutside%5csecret.txt", "/nothing")) {
                Response r = get(server, path);
                assertThat(r.code()).as(path).isIn(400, 404);
                assertThat(r.body()).as(path).doesNotContain("SECRET");
            }
            assertThat(get(server, "/run.log").code()).isEqualTo(200);
            assertThat(request(server, "POST", "/", "127.0.0.1:" + server.port()).code()).isEqualTo(405);
            assertThat(request(server, "DELETE", "/run.log", "127.0.0.1:" + server.port()).code()).isEqualTo(405);
            // A page of another site whose name resolves to this machine does not get to read it.
            assertThat(request(server, "GET", "/", "evil.example:" + server.port()).code()).isEqualTo(400);
            assertThat(get(server, "/results.csv").code()).isEqualTo(200);
        }
        assertThat(contents(folder)).isEqualTo(before);
    }

    @Test
    void aStoreOfAnOlderLayoutIsShownWithoutBeingRewritten() throws Exception {
        Path folder = dir.resolve("older");
        copy(finished, folder);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + folder.resolve("results.db"));
             Statement s = c.createStatement()) {
            // Stores from before costs to a target had no passes column.
            s.execute("ALTER TABLE curves DROP COLUMN passes");
        }
        Map<String, String> before = contents(folder);
        try (LiveServer server = serve(folder, false)) {
            assertThat(rendered(server).get("progress").asText()).isEqualTo("8 of 8 runs done, 0 failed, 0 diverged, finished");
            assertThat(section(get(server, "/").body, "table1"))
                    .isEqualTo(section(Files.readString(finished.resolve("report.html")), "table1"));
        }
        assertThat(contents(folder)).isEqualTo(before);
    }

    @Test
    void theBrowserPageFollowsTheStudyAndEndsWithTheReportsNumbers() throws Exception {
        if (!Files.isExecutable(CHROMIUM)) {
            assertThat(System.getenv("CI")).as("CI must install chromium (apt-get install chromium)").isNull();
            Assumptions.abort("Chromium not installed: browser check skipped");
        }
        Path live = dir.resolve("live");
        try (Writer w = new Writer(live); LiveServer server = serve(live, false)) {
            w.commit(3);
            rendered(server);
            String dom = dumpDom(server);
            assertThat(dom).contains("3 of 8 runs done").doesNotContain("data-updates=\"");
            // Three more runs commit while the page is open: at its first poll, before the server answers it.
            AtomicBoolean once = new AtomicBoolean();
            server.beforeRequest = path -> {
                if (path.equals("/status.json") && once.compareAndSet(false, true)) {
                    w.commit(3);
                    server.state().refresh();
                }
            };
            dom = dumpDom(server);
            assertThat(dom).contains("6 of 8 runs done").contains("data-updates=\"1\"").contains("id=\"table1\"");
            server.beforeRequest = path -> { };
            w.commit(2);
            w.finish();
            rendered(server);
            dom = dumpDom(server);
            assertThat(dom).contains("8 of 8 runs done, 0 failed, 0 diverged, finished");
            assertThat(text(section(dom, "table1"))).isEqualTo(text(section(Files.readString(finished.resolve("report.html")), "table1")));
            assertThat(Pattern.compile("<svg").matcher(dom).results().count()).as("charts").isGreaterThan(4);
        }
    }

    @Test
    void anUpdateKeepsTheReadersPlaceAndTheSectionsTheyOpened() throws Exception {
        if (!Files.isExecutable(CHROMIUM)) {
            assertThat(System.getenv("CI")).as("CI must install chromium (apt-get install chromium)").isNull();
            Assumptions.abort("Chromium not installed: browser check skipped");
        }
        String script;
        try (InputStream in = LivePage.class.getResourceAsStream("live.js")) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String sections = "<section id=\"one\" style=\"height:3000px\">one<details><summary>s</summary>x</details></section>"
                + "<section id=\"two\" style=\"height:3000px\">two %s<details><summary>s</summary>y</details></section>";
        // The reader has scrolled into section two and opened its details; a new rendering adds a section above it.
        String next = "<html><head><title>t</title></head><body><div id=\"live\" data-version=\"b\"></div><main>"
                + "<section id=\"zero\" style=\"height:500px\">new</section>" + sections.formatted("updated") + "</main></body></html>";
        String page = "<!DOCTYPE html><html><head><title>t</title></head><body><div id=\"live\" data-version=\"a\">"
                + "<span id=\"live-progress\"></span><span id=\"live-state\"></span></div><main>" + sections.formatted("first")
                + "</main><script id=\"live-script\">" + script + "</script><script>"
                + "window.scrollTo(0, 3100); document.querySelector('#two details').open = true;"
                + "var before = document.getElementById('two').getBoundingClientRect().top;"
                + "lrsearchLive.swap(new DOMParser().parseFromString(" + new ObjectMapper().writeValueAsString(next) + ", 'text/html'));"
                + "var two = document.getElementById('two');"
                + "document.body.setAttribute('data-result', [Math.round(two.getBoundingClientRect().top - before),"
                + " two.querySelector('details').open, document.querySelector('#one details').open, two.textContent.trim()].join('|'));"
                + "</script></body></html>";
        Path file = dir.resolve("swap.html");
        Files.writeString(file, page);
        String dom = dumpDom(file.toUri().toString());
        Matcher m = Pattern.compile("data-result=\"([^\"]*)\"").matcher(dom);
        assertThat(m.find()).as(dom).isTrue();
        assertThat(m.group(1)).isEqualTo("0|true|false|two updatedsy");
    }

    private String dumpDom(LiveServer server) throws Exception {
        return dumpDom(server.uri().toString());
    }

    private String dumpDom(String url) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + Files.createTempDirectory(dir, "profile"), "--virtual-time-budget=5000", "--dump-dom", url));
        Path stdout = Files.createTempFile(dir, "dom", ".html");
        Process p = new ProcessBuilder(cmd).redirectOutput(stdout.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("chromium finished").isTrue();
        assertThat(p.exitValue()).as("chromium exit code").isZero();
        return Files.readString(stdout, StandardCharsets.UTF_8);
    }

    /** The section {@code id} of a page, as written. */
    static String section(String html, String id) {
        Matcher m = Pattern.compile("<section id=\"" + id + "\">.*?</section>", Pattern.DOTALL).matcher(html);
        assertThat(m.find()).as("section " + id).isTrue();
        return m.group();
    }

    /** What a reader sees of some HTML: its text, whitespace collapsed (a browser re-serialises the markup). */
    static String text(String html) {
        return html.replaceAll("<[^>]*>", " ").replace("&nbsp;", " ").replaceAll("\\s+", " ").trim();
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path t = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(f, t);
                }
            }
        }
    }

    /** Every entry of a folder with its bytes' hash and time stamp: what a reader must leave as it was. */
    private static Map<String, String> contents(Path folder) throws IOException {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path f : files.toList()) {
                boolean link = Files.isSymbolicLink(f);
                m.put(folder.relativize(f).toString(), link ? "link" : Files.isDirectory(f) ? "dir"
                        : Files.getLastModifiedTime(f) + " " + java.util.Arrays.hashCode(Files.readAllBytes(f)));
            }
        }
        return m;
    }
}
