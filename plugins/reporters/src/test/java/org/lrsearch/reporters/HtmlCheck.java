package org.lrsearch.reporters;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nu.validator.client.EmbeddedValidator;
import nu.validator.htmlparser.dom.HtmlDocumentBuilder;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

/**
 * What every report the tests render must pass: the W3C's Nu HTML Checker with no error, and visible
 * text free of markup fragments (a template's typo such as {@code ./p>}, an unexpanded {@code ${…}}).
 */
public final class HtmlCheck {
    /** Markup that leaked into text: a tag opening or closing, or a template expression. */
    private static final Pattern FRAGMENT = Pattern.compile("</?[A-Za-z!][^\\s]*|/[a-z0-9]+>|\\$\\{|<#");

    private HtmlCheck() {
    }

    /** Fails with every error the Nu HTML Checker reports for {@code html}, and any markup in its visible text. */
    public static void assertValid(Path html) {
        assertThat(errors(html)).as("Nu HTML Checker errors in " + html).isEmpty();
        assertThat(markupInText(html)).as("markup fragments in the visible text of " + html).isEmpty();
    }

    /** The checker's error messages, each with its line. */
    public static synchronized List<String> errors(Path html) {
        try {
            EmbeddedValidator v = new EmbeddedValidator();
            v.setOutputFormat(EmbeddedValidator.OutputFormat.JSON);
            v.setNoLangDetect(true);
            JsonNode out = new ObjectMapper().readTree(v.validate(html));
            // The checker sets Log4j 1 up at debug level, which FreeMarker then finds and floods the test log with.
            org.apache.log4j.LogManager.getRootLogger().setLevel(org.apache.log4j.Level.WARN);
            List<String> errors = new ArrayList<>();
            for (JsonNode m : out.path("messages")) {
                String type = m.path("type").asText();
                if (type.equals("error") || type.equals("non-document-error")) {
                    errors.add("line " + m.path("lastLine").asText() + ": " + m.path("message").asText());
                }
            }
            return errors;
        } catch (Exception e) {
            throw new IllegalStateException("checking " + html + ": " + e, e);
        }
    }

    /** Fragments of markup in the text a reader sees (outside style and script elements). */
    public static List<String> markupInText(Path html) {
        try (InputStream in = Files.newInputStream(html)) {
            Node doc = new HtmlDocumentBuilder().parse(new InputSource(in));
            StringBuilder text = new StringBuilder();
            visibleText(doc, text);
            List<String> found = new ArrayList<>();
            Matcher m = FRAGMENT.matcher(text);
            while (m.find()) {
                found.add(text.substring(Math.max(0, m.start() - 30), Math.min(text.length(), m.end() + 30)));
            }
            return found;
        } catch (Exception e) {
            throw new IllegalStateException("parsing " + html + ": " + e, e);
        }
    }

    private static void visibleText(Node n, StringBuilder out) {
        if (n.getNodeType() == Node.TEXT_NODE) {
            out.append(n.getNodeValue()).append(' ');
            return;
        }
        String name = n.getLocalName() == null ? "" : n.getLocalName();
        if (name.equals("style") || name.equals("script")) {
            return;
        }
        for (Node c = n.getFirstChild(); c != null; c = c.getNextSibling()) {
            visibleText(c, out);
        }
    }
}
