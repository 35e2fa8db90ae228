package org.lrsearch.runner.serve;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.lrsearch.runner.config.Mappers;

/**
 * The live page: the experiment's own report.html (rendered by its html reporter, so the page and the static
 * report are one rendering) with a progress bar and download links on top and a small script that keeps it
 * current. Before any report can be rendered (no run committed yet), the bar alone with what is missing.
 */
final class LivePage {
    private static final String SCRIPT = resource("live.js");
    private static final String STYLE = "#live{position:sticky;top:0;z-index:10;background:#f5f7fa;border-bottom:1px solid #ccd;"
            + "padding:.4em 1em;font:14px system-ui,sans-serif}#live a{margin:0 .3em}#live-state{color:#667}";

    private LivePage() {
    }

    /** The page for {@code snapshot} (null: nothing rendered yet) with the progress {@code status}. */
    static String html(LiveState.Snapshot snapshot, LiveState.Status status, String folder) {
        String bar = bar(snapshot, status);
        String script = "<script id=\"live-script\">\n" + SCRIPT + "</script>\n";
        String style = "<style id=\"live-style\">" + STYLE + "</style>\n";
        if (snapshot == null || snapshot.html() == null) {
            String why = snapshot == null ? "The report is being rendered." : escape(snapshot.problem());
            return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>lrsearch: " + escape(folder)
                    + "</title>\n" + style + "</head>\n<body>\n" + bar + "<main><p class=\"waiting\">" + why + "</p></main>\n" + script
                    + "</body>\n</html>\n";
        }
        String html = snapshot.html();
        int head = html.indexOf("</head>");
        int body = html.indexOf("<body>");
        int end = html.lastIndexOf("</body>");
        if (head < 0 || body < head || end < body) {
            throw new IllegalStateException("the html reporter's page has no <body>");
        }
        body += "<body>".length();
        return html.substring(0, head) + style + html.substring(head, body) + "\n" + bar + html.substring(body, end) + script
                + html.substring(end);
    }

    /** The bar on top: progress in the words the status gives, downloads, and whether the page follows the store. */
    private static String bar(LiveState.Snapshot snapshot, LiveState.Status status) {
        StringBuilder b = new StringBuilder("<div id=\"live\" data-version=\"")
                .append(snapshot == null ? "" : escape(snapshot.mark())).append("\">")
                .append("<strong>lrsearch serve</strong> · <span id=\"live-progress\">").append(escape(status.words()))
                .append("</span> · download");
        for (String name : LiveState.DOWNLOADS.keySet().stream().sorted().toList()) {
            b.append("<a href=\"").append(name).append("\" download>").append(name).append("</a>");
        }
        return b.append(" · <span id=\"live-state\">").append(status.finished() ? "study finished" : "updates as runs commit")
                .append("</span></div>\n").toString();
    }

    /** status.json: the figures, the words, and the version of the report the server has rendered last. */
    static String statusJson(LiveState.Status status, LiveState.Snapshot snapshot) {
        Map<String, Object> json = new java.util.LinkedHashMap<>();
        json.put("done", status.done());
        json.put("total", status.total());
        json.put("failed", status.failed());
        json.put("diverged", status.diverged());
        json.put("etaMs", status.etaMs());
        json.put("finished", status.finished());
        json.put("progress", status.words());
        json.put("version", snapshot == null ? null : snapshot.mark());
        return Mappers.toJson(json);
    }

    static String escape(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String resource(String name) {
        try (InputStream in = LivePage.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
