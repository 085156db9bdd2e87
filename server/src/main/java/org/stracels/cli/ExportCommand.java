package org.stracels.cli;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.stracels.report.ChromeTrace;

/**
 * {@code strace-ls export --format chrome-trace [--lines-as-time] [-o OUT.json] FILE}: the trace as Trace Event
 * Format JSON, streamed from the file to the output (stdout without {@code -o}). A trace without timestamps is
 * refused unless {@code --lines-as-time} says that line numbers may stand for the time.
 */
final class ExportCommand {
    private ExportCommand() {
    }

    static int main(String[] args, PrintStream out) throws CliError {
        String output = null;
        String format = null;
        String file = null;
        boolean linesAsTime = false;
        boolean options = true;
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (options && arg.equals("--")) {
                options = false;
            } else if (options && (arg.equals("-o") || arg.equals("--output") || arg.equals("--format"))) {
                if (i + 1 >= args.length) {
                    throw new CliError("export: " + arg + " needs a value");
                }
                if (arg.equals("--format")) {
                    format = args[++i];
                } else {
                    output = args[++i];
                }
            } else if (options && arg.startsWith("--format=")) {
                format = arg.substring("--format=".length());
            } else if (options && arg.equals("--lines-as-time")) {
                linesAsTime = true;
            } else if (options && (arg.equals("--help") || arg.equals("-h"))) {
                out.print(Cli.USAGE_TEXT);
                return Cli.OK;
            } else if (options && arg.startsWith("-") && arg.length() > 1) {
                throw new CliError("export: unknown option '" + arg + "' (see strace-ls --help)");
            } else if (file != null) {
                throw new CliError("export: takes one FILE");
            } else {
                file = arg;
            }
        }
        if (format == null) {
            throw new CliError("export: missing --format chrome-trace");
        }
        if (!format.equals("chrome-trace")) {
            throw new CliError("export: unknown format '" + format + "' (the one format is chrome-trace)");
        }
        if (file == null) {
            throw new CliError("export: missing FILE (see strace-ls --help)");
        }
        TraceFile trace = TraceFile.open(file);
        Path path = Path.of(file);
        try {
            if (!linesAsTime) {
                try (BufferedReader in = reader(path)) {
                    if (!ChromeTrace.hasTimestamps(in)) {
                        throw new CliError("export: " + file + " has no timestamps (strace -t, -tt, -ttt or -r): "
                                + "give --lines-as-time to use line numbers as the time");
                    }
                }
            }
            int pid = ChromeTrace.pidOfFileName(path.getFileName().toString(), 1);
            try (BufferedReader in = reader(path)) {
                if (output == null) {
                    Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
                    ChromeTrace.export(in, w, linesAsTime, pid);
                    w.write('\n');
                    w.flush();
                } else {
                    try (Writer w = Files.newBufferedWriter(Path.of(output), StandardCharsets.UTF_8)) {
                        ChromeTrace.export(in, w, linesAsTime, pid);
                        w.write('\n');
                    }
                    out.println(output);
                }
            }
        } catch (IOException e) {
            throw new CliError(trace.name() + ": export failed: "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
        return Cli.OK;
    }

    /** The file as UTF-8, malformed bytes as U+FFFD (as the other commands read it). */
    private static BufferedReader reader(Path path) throws IOException {
        return new BufferedReader(new InputStreamReader(Files.newInputStream(path), StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE)), 1 << 16);
    }
}
