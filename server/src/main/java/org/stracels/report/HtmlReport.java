package org.stracels.report;

import com.google.gson.stream.JsonWriter;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import org.stracels.analysis.ProcessInfo;
import org.stracels.analysis.Trace;
import org.stracels.cause.CauseAnalysis;
import org.stracels.check.Causes;

/**
 * {@code strace-ls report}: one self-contained HTML file (styles, scripts and data inline, nothing loaded from
 * anywhere) with a timeline of the processes, the process tree, the failures with their likely causes, and where
 * the time went.
 *
 * <p>Trace text is data, never code: it is escaped where it lands ({@link Html} in text and attributes; in the
 * inline JSON, gson's HTML-safe writer turns {@code < > & = '} into {@code \}{@code u} escapes, so neither
 * {@code </script>} nor {@code <!--} can end or bend the script element), and the page's Content-Security-Policy
 * allows only its own two scripts and styles, by hash: no remote load, no eval, no inline handler, no other
 * script, whatever the escaping missed.
 */
public final class HtmlReport {
    private static final String RESOURCES = "/org/stracels/report/";
    private static final Assets ASSETS = new Assets();

    private HtmlReport() {
    }

    /** Writes the report of {@code trace} (named {@code fileName} in the page) into {@code target}. */
    public static void write(Trace trace, String fileName, Path target) throws IOException {
        try (Writer out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(target), StandardCharsets.UTF_8),
                1 << 16)) {
            write(trace, fileName, out);
        }
    }

    public static void write(Trace trace, String fileName, Writer out) throws IOException {
        CauseAnalysis causes = Causes.of(trace);
        TimeAxis axis = TimeAxis.of(trace.parsed(), trace.model().options());
        out.write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        out.write("<meta http-equiv=\"Content-Security-Policy\" content=\"" + ASSETS.policy + "\">\n");
        out.write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        out.write("<title>strace-ls report: " + Html.escape(fileName) + "</title>\n");
        out.write("<style>" + ASSETS.uplotCss + "</style>\n<style>" + ASSETS.reportCss + "</style>\n</head>\n<body>\n");
        header(trace, fileName, axis, out);
        out.write("<section id=\"timeline\"><h2>Timeline</h2>\n<p id=\"axis\">" + Html.escape(axis.describe()) + "</p>\n");
        out.write("<div id=\"toolbar\"><button id=\"zoom-in\" type=\"button\">Zoom in</button>"
                + "<button id=\"zoom-out\" type=\"button\">Zoom out</button><button id=\"reset\" type=\"button\">Reset</button>"
                + "<button id=\"expand\" type=\"button\">Expand threads</button>"
                + "<span id=\"legend\"></span><span id=\"summary\"></span></div>\n");
        out.write("<p class=\"hint\">Wheel: scroll the rows · Ctrl+wheel or drag: zoom · Shift+wheel or arrow keys: pan · "
                + "click a row's name: fold or unfold its threads · click a span or mark: its details</p>\n");
        out.write("<div id=\"chart\" tabindex=\"0\"></div>\n<div id=\"tooltip\" hidden></div>\n"
                + "<div id=\"details\" aria-live=\"polite\"><p class=\"note\">Click a span or a mark for its details.</p></div>\n"
                + "</section>\n");
        ProcessTree.write(trace, axis, out);
        FailureList.write(trace, causes, out);
        TimeSpent.write(trace, out);
        out.write("<script type=\"application/json\" id=\"report-data\">");
        out.flush();
        JsonWriter json = new JsonWriter(out);
        json.setHtmlSafe(true); // < > & = ' as \\u escapes: "</script>" and "<!--" cannot appear in the element
        Timeline.write(trace, axis, causes, fileName, json);
        json.flush();
        out.write("</script>\n<script>" + ASSETS.uplotJs + "</script>\n<script>" + ASSETS.timelineJs + "</script>\n");
        out.write("</body>\n</html>\n");
    }

    private static void header(Trace trace, String fileName, TimeAxis axis, Writer out) throws IOException {
        int processes = 0;
        int threads = 0;
        int failed = 0;
        for (ProcessInfo p : trace.model().processes()) {
            if (p.isThread()) {
                threads++;
            } else {
                processes++;
            }
            if (p.ending() == ProcessInfo.Ending.KILLED || p.ending() == ProcessInfo.Ending.EXITED && p.exitStatus() != 0) {
                failed++;
            }
        }
        out.write("<header><h1>strace-ls report: <span class=\"file\">" + Html.escape(fileName) + "</span></h1>\n<p>");
        out.write(trace.parsed().lineCount() + " lines · " + processes + (processes == 1 ? " process" : " processes")
                + (threads > 0 ? " · " + threads + (threads == 1 ? " thread" : " threads") : "")
                + " · " + failed + " failed · options: <code>"
                + Html.escape(String.join(" ", trace.model().options().flags())) + "</code>");
        if (axis.time && !axis.origin.isEmpty()) {
            out.write(" · started " + Html.escape(axis.origin));
        }
        out.write("</p>\n<nav><a href=\"#timeline\">Timeline</a> <a href=\"#tree\">Processes</a> "
                + "<a href=\"#failures\">Failures</a> <a href=\"#time\">Where the time went</a></nav></header>\n");
    }

    /** The inlined scripts and styles, read once, and the policy that allows exactly them. */
    private static final class Assets {
        final String uplotJs = resource("uPlot.iife.min.js");
        final String uplotCss = resource("uPlot.min.css");
        final String timelineJs = resource("timeline.js");
        final String reportCss = resource("report.css");
        final String policy = "default-src 'none'; script-src " + hash(uplotJs) + " " + hash(timelineJs)
                + "; style-src " + hash(uplotCss) + " " + hash(reportCss)
                + "; img-src data:; base-uri 'none'; form-action 'none'";

        Assets() {
            for (String s : new String[] {uplotJs, timelineJs, uplotCss, reportCss}) {
                if (s.contains("</") || s.contains("<!--")) {
                    throw new IllegalStateException("an inlined asset holds </ or <!--, which would end its element");
                }
            }
        }

        private static String resource(String name) {
            try (InputStream in = HtmlReport.class.getResourceAsStream(RESOURCES + name)) {
                if (in == null) {
                    throw new IllegalStateException("missing resource " + name);
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static String hash(String content) {
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
                return "'sha256-" + Base64.getEncoder().encodeToString(digest) + "'";
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
