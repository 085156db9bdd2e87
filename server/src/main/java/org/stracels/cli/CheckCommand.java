package org.stracels.cli;

import com.google.gson.JsonObject;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.stracels.check.DiagnosticPolicy;
import org.stracels.parse.CancelCheck;
import org.stracels.stream.TraceWindow;
import org.stracels.stream.WindowScanner;
import org.stracels.check.Checker;
import org.stracels.check.Finding;
import org.stracels.check.Severity;
import org.stracels.parse.ParsedTrace;

/**
 * {@code strace-ls check}: the findings of the language server's diagnostics, one per line in the form
 * compilers use ({@code FILE:LINE:COL: severity: message [code]}), so editors and CI logs can jump to them.
 */
final class CheckCommand {
    private CheckCommand() {
    }

    static int run(List<TraceFile> files, boolean json, PrintStream out) throws CliError {
        boolean anyError = false;
        JsonOutput.Array array = json ? new JsonOutput.Array(out) : null;
        for (TraceFile file : files) {
            Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
            WindowScanner.Result read = file.scan(window -> {
                List<Finding> findings = Checker.check(window.trace(), DiagnosticPolicy.DEFAULT, window.from(),
                        window.to(), CancelCheck.NONE);
                ParsedTrace parsed = window.trace().parsed();
                for (Finding f : findings) {
                    counts.merge(f.severity(), 1, Integer::sum);
                    if (json) {
                        array.add(toJson(file.name(), window, f));
                    } else {
                        out.println(toText(file.name(), window, f));
                    }
                }
            });
            anyError |= counts.containsKey(Severity.ERROR);
            if (!json) {
                out.println(summary(file.name(), counts, read.lines()));
                if (read.notice() != null) {
                    out.println(file.name() + ": note: " + read.notice());
                }
            }
        }
        if (json) {
            array.close();
        }
        return anyError ? Cli.FOUND_ERRORS : Cli.OK;
    }

    static String toText(String file, TraceWindow window, Finding f) {
        ParsedTrace parsed = window.trace().parsed();
        return file + ":" + window.trace().lineNumber(f.line()) + ":" + column(parsed, f.line(), f.start()) + ": "
                + f.severity().id()
                + ": " + oneLine(f.message()) + " [" + f.code() + "]";
    }

    static JsonObject toJson(String file, TraceWindow window, Finding f) {
        ParsedTrace parsed = window.trace().parsed();
        int endLine = parsed.lineAt(f.end());
        JsonObject o = new JsonObject();
        o.addProperty("file", file);
        o.addProperty("line", window.trace().lineNumber(f.line()));
        o.addProperty("column", column(parsed, f.line(), f.start()));
        o.addProperty("endLine", window.trace().lineNumber(endLine));
        o.addProperty("endColumn", column(parsed, endLine, f.end()));
        o.addProperty("severity", f.severity().id());
        o.addProperty("code", f.code());
        o.addProperty("message", f.message());
        return o;
    }

    /** "plain.strace: 2 warnings, 5 hints (74 lines)", severities from most to least serious, zeros left out. */
    static String summary(String file, Map<Severity, Integer> counts, int lines) {
        List<String> parts = new ArrayList<>();
        for (Severity s : Severity.values()) {
            int n = counts.getOrDefault(s, 0);
            if (n > 0) {
                parts.add(n + " " + label(s, n));
            }
        }
        String found = parts.isEmpty() ? "no findings" : String.join(", ", parts);
        return file + ": " + found + " (" + lines + (lines == 1 ? " line)" : " lines)");
    }

    private static String label(Severity s, int n) {
        return switch (s) {
            case ERROR -> n == 1 ? "error" : "errors";
            case WARNING -> n == 1 ? "warning" : "warnings";
            case INFORMATION -> "information";
            case HINT -> n == 1 ? "hint" : "hints";
        };
    }

    /** 1-based column of {@code offset} on 0-based {@code line}, counted in UTF-16 units as LSP does. */
    private static int column(ParsedTrace parsed, int line, int offset) {
        return offset - parsed.lineStart(line) + 1;
    }

    /** A finding stays on one output line even if a quoted path held a line break. */
    private static String oneLine(String message) {
        return message.indexOf('\n') < 0 && message.indexOf('\r') < 0 ? message : message.replaceAll("[\r\n]+", " ");
    }
}
