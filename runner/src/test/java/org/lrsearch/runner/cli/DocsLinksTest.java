package org.lrsearch.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The README and docs/: every relative link reaches a file, every #anchor a heading; the README stays a quick start. */
class DocsLinksTest {
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

    static List<Path> documents() throws IOException {
        List<Path> docs = new ArrayList<>(List.of(ROOT.resolve("README.md")));
        try (Stream<Path> s = Files.list(ROOT.resolve("docs"))) {
            s.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
        }
        return docs;
    }

    /** GitHub's anchor of a heading: lower case, punctuation dropped, spaces as hyphens. */
    static String slug(String heading) {
        return heading.strip().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
    }

    @Test
    void everyRelativeLinkAndAnchorResolves() throws IOException {
        List<String> broken = new ArrayList<>();
        for (Path doc : documents()) {
            Matcher m = LINK.matcher(Files.readString(doc));
            while (m.find()) {
                String target = m.group(1);
                if (target.matches("(?i)(https?|mailto):.*")) {
                    continue;
                }
                String file = target.contains("#") ? target.substring(0, target.indexOf('#')) : target;
                Path p = file.isEmpty() ? doc : doc.getParent().resolve(file).normalize();
                if (!Files.exists(p)) {
                    broken.add(ROOT.relativize(doc) + ": " + target + " (no such file)");
                } else if (target.contains("#")) {
                    String anchor = target.substring(target.indexOf('#') + 1);
                    boolean found = Files.readAllLines(p).stream().filter(l -> l.startsWith("#"))
                            .map(l -> slug(l.replaceFirst("^#+", ""))).anyMatch(anchor::equals);
                    if (!found) {
                        broken.add(ROOT.relativize(doc) + ": " + target + " (no such heading)");
                    }
                }
            }
        }
        assertThat(broken).isEmpty();
    }

    @Test
    void theReadmeIsAQuickStartWithTheTwoCommandsFirst() throws IOException {
        List<String> lines = Files.readAllLines(ROOT.resolve("README.md"));
        assertThat(lines.size()).isLessThanOrEqualTo(250);
        String text = String.join("\n", lines);
        int twoCommands = text.indexOf("## Two commands");
        assertThat(twoCommands).isPositive().isEqualTo(text.indexOf("## "));
        assertThat(text.substring(twoCommands)).contains("./lrsearch run experiments/paper-table1.yaml").contains("mvn -B verify");
    }
}
