package org.stracels.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import org.stracels.parse.CancelCheck;
import org.stracels.report.HtmlReport;

/** {@code strace-ls report FILE [-o report.html]}: the trace as one self-contained HTML page. */
final class ReportCommand {
    private ReportCommand() {
    }

    /** Reads {@code report [-o OUT] FILE} and runs it. */
    static int main(String[] args, PrintStream out) throws CliError {
        String output = null;
        String file = null;
        boolean options = true;
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (options && arg.equals("--")) {
                options = false;
            } else if (options && (arg.equals("-o") || arg.equals("--output"))) {
                if (i + 1 >= args.length) {
                    throw new CliError("report: " + arg + " needs a file name");
                }
                output = args[++i];
            } else if (options && (arg.equals("--help") || arg.equals("-h"))) {
                out.print(Cli.USAGE_TEXT);
                return Cli.OK;
            } else if (options && arg.startsWith("-") && arg.length() > 1) {
                throw new CliError("report: unknown option '" + arg + "' (see strace-ls --help)");
            } else if (file != null) {
                throw new CliError("report: takes one FILE");
            } else {
                file = arg;
            }
        }
        if (file == null) {
            throw new CliError("report: missing FILE (see strace-ls --help)");
        }
        return run(TraceFile.open(file), output, out);
    }

    /**
     * Reads the trace window by window (never whole), then writes the report to {@code output} (default: FILE.html
     * next to the trace) and prints its path.
     */
    static int run(TraceFile file, String output, PrintStream out) throws CliError {
        Path target = Path.of(output != null ? output : file.name() + ".html");
        HtmlReport.Scanned report = file.read(progress -> HtmlReport.read(file.source(), CancelCheck.NONE, progress));
        try {
            report.write(Path.of(file.name()).getFileName().toString(), target);
        } catch (IOException e) {
            throw new CliError(target + ": cannot write: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
        out.println(target);
        return Cli.OK;
    }
}
