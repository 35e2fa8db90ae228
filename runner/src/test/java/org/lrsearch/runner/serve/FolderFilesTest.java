package org.lrsearch.runner.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FolderFilesTest {
    @TempDir
    Path tmp;
    Path root;

    @BeforeEach
    void folder() throws Exception {
        root = Files.createDirectories(tmp.resolve("study"));
        Files.writeString(root.resolve("run.log"), "log");
        Files.createDirectories(root.resolve("traces"));
        Files.writeString(root.resolve("traces/a.jsonl"), "{}");
        Files.writeString(root.resolve("results.db"), "store");
        Files.writeString(Files.createDirectories(tmp.resolve("outside")).resolve("secret.txt"), "secret");
    }

    @Test
    void filesUnderTheFolderAreFoundByTheirPaths() throws Exception {
        assertThat(FolderFiles.resolve(root, "/run.log")).contains(root.toAbsolutePath().resolve("run.log"));
        assertThat(FolderFiles.resolve(root, "/traces/a.jsonl")).isPresent();
        assertThat(FolderFiles.resolve(root, "/traces%2Fa.jsonl")).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/../outside/secret.txt", "/%2e%2e/outside/secret.txt", "/%2E%2E%2Foutside%2Fsecret.txt",
        "/traces/../../outside/secret.txt", "/traces/%2e%2e/%2e%2e/outside/secret.txt", "/./run.log",
        "//etc/passwd", "/%2Fetc%2Fpasswd", "/..%5coutside%5csecret.txt", "/..\\outside\\secret.txt", "/run.log%00.txt",
        "/C:/Windows/win.ini", "/%zz", "relative"})
    void pathsThatLeaveTheFolderOrAreMalformedAreRefused(String path) {
        assertThatThrownBy(() -> FolderFiles.resolve(root, path)).isInstanceOf(FolderFiles.BadPath.class);
    }

    @Test
    void aLinkInsideTheFolderToAFileOutsideItIsNotFollowed() throws Exception {
        Files.createSymbolicLink(root.resolve("link.txt"), tmp.resolve("outside/secret.txt"));
        Files.createSymbolicLink(root.resolve("linked-dir"), tmp.resolve("outside"));
        assertThat(FolderFiles.resolve(root, "/link.txt")).isEmpty();
        assertThat(FolderFiles.resolve(root, "/linked-dir/secret.txt")).isEmpty();
    }

    @Test
    void aLinkToAFileInsideTheFolderIsFollowed() throws Exception {
        Files.createSymbolicLink(root.resolve("latest.log"), root.resolve("run.log"));
        assertThat(FolderFiles.resolve(root, "/latest.log")).isPresent();
    }

    @Test
    void theStoreFoldersAndMissingFilesAreNotServed() throws Exception {
        assertThat(FolderFiles.resolve(root, "/results.db")).isEmpty();
        assertThat(FolderFiles.resolve(root, "/traces")).isEmpty();
        assertThat(FolderFiles.resolve(root, "/nothing.csv")).isEmpty();
    }
}
