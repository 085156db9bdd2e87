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
import org.stracels.parse.CancelCheck;
import org.stracels.stream.TraceSource;
import org.stracels.stream.WindowScanner;

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

    /** Writes the report of a trace in memory (named {@code fileName} in the page) into {@code target}. */
    public static void write(Trace trace, String fileName, Path target) throws IOException {
        read(trace).write(fileName, target);
    }

    /** Writes the report of a trace in memory: the same page as its file read in windows. */
    public static void write(Trace trace, String fileName, Writer out) throws IOException {
        read(trace).write(fileName, out);
    }

    private static Scanned read(Trace trace) {
        try {
            return read(TraceSource.of(trace), CancelCheck.NONE, WindowScanner.Progress.NONE);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) { // a trace in memory is read in the caller's thread: nothing else can come
            throw new IllegalStateException(e);
        }
    }

    /**
     * Reads {@code source} window by window (a file of any size, or a text in memory as one window) and keeps what
     * the page needs; write it with {@link Scanned#write}. The reading's errors ({@code TraceInputException} for a
     * file that vanished or cannot be read) come from here, before any output is opened.
     */
    public static Scanned read(TraceSource source, CancelCheck cancel, WindowScanner.Progress progress) throws Exception {
        return read(source, cancel, progress, Timeline.MAX_ROWS);
    }

    /** As {@link #read(TraceSource, CancelCheck, WindowScanner.Progress)}, drawing at most {@code maxRows} rows. */
    static Scanned read(TraceSource source, CancelCheck cancel, WindowScanner.Progress progress, int maxRows)
            throws Exception {
        return new Scanned(ReportScan.of(source, cancel, progress, maxRows));
    }

    /** A trace read for its report. */
    public static final class Scanned {
        private final ReportScan scan;

        private Scanned(ReportScan scan) {
            this.scan = scan;
        }

        /** Writes the page, naming the trace {@code fileName}, into {@code target}. */
        public void write(String fileName, Path target) throws IOException {
            try (Writer out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(target),
                    StandardCharsets.UTF_8), 1 << 16)) {
                write(fileName, out);
            }
        }

        public void write(String fileName, Writer out) throws IOException {
            HtmlReport.write(scan, fileName, out);
        }
    }

    private static void write(ReportScan scan, String fileName, Writer out) throws IOException {
        TimeAxis axis = scan.axis;
        out.write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        out.write("<meta http-equiv=\"Content-Security-Policy\" content=\"" + ASSETS.policy + "\">\n");
        out.write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        out.write("<title>strace-ls report: " + Html.escape(fileName) + "</title>\n");
        out.write("<style>" + ASSETS.uplotCss + "</style>\n<style>" + ASSETS.reportCss + "</style>\n</head>\n<body>\n");
        header(scan, fileName, out);
        out.write("<section id=\"timeline\"><h2>Timeline</h2>\n<p id=\"axis\">" + Html.escape(axis.describe()) + "</p>\n");
        out.write("<div id=\"toolbar\"><button id=\"zoom-in\" type=\"button\">Zoom in</button>"
                + "<button id=\"zoom-out\" type=\"button\">Zoom out</button><button id=\"reset\" type=\"button\">Reset</button>"
                + "<button id=\"expand\" type=\"button\">Expand threads</button>"
                + "<span id=\"legend\"></span><span id=\"summary\"></span></div>\n");
        out.write("<p class=\"hint\">Wheel: scroll the rows · Ctrl+wheel or drag: zoom · Shift+wheel or arrow keys: pan · "
                + "click a row's name: fold or unfold its threads · click a span or mark: its details</p>\n");
        if (scan.processes.size() > scan.maxRows) {
            out.write("<p class=\"note\" id=\"rows-left-out\">The timeline draws the first " + scan.maxRows + " of "
                    + scan.processes.size() + " processes and threads, in the order they appear, and leaves out the marks,"
                    + " calls and links of the others; strace-ls view --pid N --tree FILE makes a trace of one process"
                    + " tree to report on.</p>\n");
        }
        out.write("<div id=\"chart\" tabindex=\"0\"></div>\n<div id=\"tooltip\" hidden></div>\n"
                + "<div id=\"details\" aria-live=\"polite\"><p class=\"note\">Click a span or a mark for its details.</p></div>\n"
                + "</section>\n");
        ProcessTree.write(scan.processes, scan.facts, axis, scan.maxRows, out);
        FailureList.write(scan.processes, scan.failures, out);
        scan.time.write(out);
        out.write("<script type=\"application/json\" id=\"report-data\">");
        out.flush();
        JsonWriter json = new JsonWriter(out);
        json.setHtmlSafe(true); // < > & = ' as \\u escapes: "</script>" and "<!--" cannot appear in the element
        scan.timeline.write(json, fileName, scan.lines, scan.options, axis, scan.processes, scan.facts, scan.failures);
        json.flush();
        out.write("</script>\n<script>" + ASSETS.uplotJs + "</script>\n<script>" + ASSETS.timelineJs + "</script>\n");
        out.write("</body>\n</html>\n");
    }

    private static void header(ReportScan scan, String fileName, Writer out) throws IOException {
        int processes = 0;
        int threads = 0;
        int failed = 0;
        for (ProcessInfo p : scan.processes) {
            if (p.isThread()) {
                threads++;
            } else {
                processes++;
            }
            if (Failures.failed(p)) {
                failed++;
            }
        }
        out.write("<header><h1>strace-ls report: <span class=\"file\">" + Html.escape(fileName) + "</span></h1>\n<p>");
        out.write(scan.lines + " lines · " + processes + (processes == 1 ? " process" : " processes")
                + (threads > 0 ? " · " + threads + (threads == 1 ? " thread" : " threads") : "")
                + " · " + failed + " failed · options: <code>"
                + Html.escape(String.join(" ", scan.options.flags())) + "</code>");
        if (scan.axis.time && !scan.axis.origin().isEmpty()) {
            out.write(" · started " + Html.escape(scan.axis.origin()));
        }
        out.write("</p>\n");
        if (scan.notice != null) {
            out.write("<p class=\"note\">" + Html.escape(scan.notice) + "</p>\n");
        }
        out.write("<nav><a href=\"#timeline\">Timeline</a> <a href=\"#tree\">Processes</a> "
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
