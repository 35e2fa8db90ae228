package org.lrsearch.mnist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lrsearch.api.OptionDefaults;

/** Acquisition against the real MNIST files (the cache .ci/run fills) and a mirror on loopback. */
class MnistFilesIT {
    @TempDir
    Path dir;

    @Test
    void replacesCorruptCacheFileWithVerifiedCopyFromMirror() throws Exception {
        Path mnist = MnistFiles.defaultDir();
        assertThat(mnist.resolve("t10k-labels-idx1-ubyte")).as("the MNIST cache (.ci/run fills it)").isRegularFile();
        for (String name : MnistFiles.SHA256.keySet()) {
            Files.copy(mnist.resolve(name), dir.resolve(name));
        }
        Files.write(dir.resolve("t10k-labels-idx1-ubyte"), new byte[] {1, 2, 3}); // truncated
        byte[] good = Files.readAllBytes(mnist.resolve("t10k-labels-idx1-ubyte"));
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/mnist/t10k-labels-idx1-ubyte.gz", ex -> {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            try (OutputStream gz = new GZIPOutputStream(buf)) {
                gz.write(good);
            }
            ex.sendResponseHeaders(200, buf.size());
            ex.getResponseBody().write(buf.toByteArray());
            ex.close();
        });
        server.start();
        try {
            String mirror = "http://127.0.0.1:" + server.getAddress().getPort() + "/mnist/";
            Map<String, byte[]> content = MnistFiles.of(OptionDefaults.create(MnistOptions.class,
                    Map.of("npmPackage", "", "mirrors", List.of(mirror))), dir, true).loadVerified();
            assertThat(content.get("t10k-labels-idx1-ubyte")).isEqualTo(good);
            assertThat(Files.readAllBytes(dir.resolve("t10k-labels-idx1-ubyte"))).isEqualTo(good);
            try (var s = Files.list(dir)) {
                assertThat(s.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("t10k-labels-idx1-ubyte.corrupt-"));
            }
        } finally {
            server.stop(0);
        }
    }
}
