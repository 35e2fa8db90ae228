package org.lrsearch.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * A strategy plugin in a jar of its own, as the README tells a researcher to write one: compiled
 * at test time against the API only and packaged with its service file (id {@code example-constant},
 * option {@code lr}: it commits that rate every iteration).
 */
public final class ExamplePluginJar {
    static final String SOURCE = """
            package org.example;

            import org.lrsearch.api.*;

            public final class ConstantPlugin implements LrStrategyPlugin<ConstantPlugin.Options> {
                public record Options(@Option(description = "the rate", defaultValue = "0.05") Double lr) {
                    public Options {
                        InvalidOptionException.requirePositiveRate("lr", lr);
                    }
                }

                @Override public String id() { return "example-constant"; }
                @Override public String description() { return "a constant rate, from a jar of its own"; }
                @Override public Class<Options> optionsType() { return Options.class; }

                @Override
                public LrStrategy create(Options o, StrategyFactory strategies) {
                    return context -> context.commit(o.lr());
                }
            }
            """;

    private ExamplePluginJar() {
    }

    /** Builds the jar into {@code dir/plugins} and returns that folder, for {@code --plugins}. */
    public static Path build(Path dir) throws IOException {
        Path src = dir.resolve("src/org/example/ConstantPlugin.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, SOURCE);
        Path classes = Files.createDirectories(dir.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int rc = javac.run(null, null, null, "-d", classes.toString(), "-cp", System.getProperty("java.class.path"),
                src.toString());
        assertThat(rc).as("javac").isZero();

        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(plugins.resolve("example.jar")))) {
            try (var files = Files.walk(classes)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    jar.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                    jar.write(Files.readAllBytes(f));
                    jar.closeEntry();
                }
            }
            jar.putNextEntry(new JarEntry("META-INF/services/org.lrsearch.api.LrStrategyPlugin"));
            OutputStream out = jar;
            out.write("org.example.ConstantPlugin\n".getBytes(StandardCharsets.UTF_8));
            jar.closeEntry();
        }

        return plugins;
    }
}
