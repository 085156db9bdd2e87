package org.stracels.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The command line: reads the arguments, runs one command, returns the exit code. Mistakes in the call or the
 * files end as one line on {@code err} and exit code 2; nothing else is caught here.
 */
public final class Cli {
    /** Findings or stats printed; no finding is an error. */
    public static final int OK = 0;
    /** {@code check} found at least one error. */
    public static final int FOUND_ERRORS = 1;
    /** Bad arguments or unusable files. */
    public static final int USAGE = 2;

    static final String USAGE_TEXT = """
            Usage:
              strace-ls [--stdio]                 run the language server on stdin/stdout
              strace-ls check [--json] FILE...    report failed calls, killed processes, non-zero exits,
                                                  broken lines, lost call halves and error messages
              strace-ls check --explain [--json] FILE...
                                                  per error message a program wrote, its likely causes,
                                                  ranked, each with its reasons
              strace-ls stats [--json] [--coverage] FILE
                                                  show what a trace holds: options, line kinds, processes,
                                                  failed calls, syscall counts and -T times
              strace-ls view [FILTERS] [--line-numbers] FILE
                                                  print the lines of a trace that the filters keep, verbatim
                                                  (a trace of its own); filters combine (all must hold):
                    --pid N[,N...]   these processes, with their threads   --tree   and their descendants
                    --failed         failed calls, kills, non-zero exits, calls that never returned
                    --noise          with --failed: routine failures too
                    --syscall a,b    these syscalls          --class c,d   file, network, process, signal,
                                                                           memory, ipc, time, other
                    --path TEXT      TEXT in a quoted argument or an fd's <...> decoration
                    --fd PID:FD@LINE the life of the fd PID used as FD on LINE
                    --lines A-B      lines A to B (from 1)   --time T1-T2  timestamps T1 to T2
                    --context N      N lines of the same process before and after each one
              strace-ls summary FILE              one page: options, process tree, failures and their causes,
                                                  failed calls by errno, slowest calls, syscall table
              strace-ls diff GOOD BAD [--json] [--all]
                                                  what the failing run BAD did differently from the working
                                                  run GOOD, most likely reason first (a run: a trace, a
                                                  folder of -ff files or an -ff prefix); exit 1 when a
                                                  difference explains a failure of BAD
              strace-ls report [-o OUT.html] FILE
                                                  write a self-contained HTML report: timeline, process
                                                  tree, failures and their causes, where the time went
              strace-ls export --format chrome-trace [--lines-as-time] [-o OUT.json] FILE
                                                  write the Trace Event Format JSON that Perfetto and
                                                  chrome://tracing open (streamed)
              strace-ls --help | --version

            Every command reads its file window by window: files of any size, in bounded memory; progress
            shows on stderr when it is a terminal.
            check prints FILE:LINE:COL: severity: message [code] per finding (LINE and COL from 1,
            COL in UTF-16 units) and one summary line per file; --json prints one JSON array instead.
            Exit codes: 0 done (check: no error), 1 check found an error, 2 bad arguments or files,
            3 internal error.
            """;

    private Cli() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            return dispatch(args, out);
        } catch (CliError e) {
            err.println("strace-ls: " + e.getMessage());
            return USAGE;
        } catch (OutOfMemoryError e) {
            // every command, whichever thread ran out (the reader, the parser or the command's own)
            err.println("strace-ls: out of memory (raise the Java heap with -Xmx)");
            return USAGE;
        } finally {
            out.flush();
        }
    }

    private static int dispatch(String[] args, PrintStream out) throws CliError {
        if (args.length == 0) {
            throw new CliError("missing command (see strace-ls --help)");
        }
        String first = args[0];
        switch (first) {
            case "--help", "-h" -> {
                out.print(USAGE_TEXT);
                return OK;
            }
            case "--version" -> {
                out.println("strace-ls " + version());
                return OK;
            }
            case "diff" -> {
                return DiffCommand.run(args, out);
            }
            case "check", "stats" -> {
                Arguments a = Arguments.parse(first, args);
                if (a.help) {
                    out.print(USAGE_TEXT);
                    return OK;
                }
                return first.equals("check") ? check(a, out) : stats(a, out);
            }
            case "view" -> {
                ViewArguments a = ViewArguments.parse(args);
                if (a.help) {
                    out.print(USAGE_TEXT);
                    return OK;
                }
                return ViewCommand.run(a, out);
            }
            case "summary" -> {
                Arguments a = Arguments.parse(first, args);
                if (a.help) {
                    out.print(USAGE_TEXT);
                    return OK;
                }
                if (a.files.size() != 1 || a.json || a.coverage || a.explain) {
                    throw new CliError(a.files.size() != 1 ? (a.files.isEmpty() ? "summary: missing FILE (see strace-ls --help)"
                            : "summary: takes one FILE, got " + a.files.size()) : "summary: takes no option but FILE");
                }
                return SummaryCommand.run(TraceFile.open(a.files.get(0)), out);
            }
            case "report", "export" -> {
                return first.equals("report") ? ReportCommand.main(args, out) : ExportCommand.main(args, out);
            }
            default -> throw new CliError(first.startsWith("-")
                    ? "unknown option '" + first + "' (see strace-ls --help)"
                    : "unknown command '" + first + "' (see strace-ls --help)");
        }
    }

    private static int check(Arguments a, PrintStream out) throws CliError {
        if (a.files.isEmpty()) {
            throw new CliError("check: missing FILE (see strace-ls --help)");
        }
        List<TraceFile> files = new ArrayList<>();
        for (String name : a.files) {
            files.add(TraceFile.open(name));
        }
        return a.explain ? ExplainCommand.run(files, a.json, out) : CheckCommand.run(files, a.json, out);
    }

    private static int stats(Arguments a, PrintStream out) throws CliError {
        if (a.files.size() != 1) {
            throw new CliError(a.files.isEmpty() ? "stats: missing FILE (see strace-ls --help)"
                    : "stats: takes one FILE, got " + a.files.size());
        }
        return StatsCommand.run(TraceFile.open(a.files.get(0)), a.json, a.coverage, out);
    }

    /** The project version that Maven wrote into version.properties. */
    static String version() {
        Properties p = new Properties();
        try (InputStream in = Cli.class.getResourceAsStream("/org/stracels/version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            return "unknown";
        }
        return p.getProperty("version", "unknown");
    }

    /** The options and files after a command name; {@code --} ends the options. */
    private static final class Arguments {
        boolean json;
        boolean help;
        boolean coverage;
        boolean explain;
        final List<String> files = new ArrayList<>();

        static Arguments parse(String command, String[] args) throws CliError {
            Arguments a = new Arguments();
            boolean options = true;
            for (int i = 1; i < args.length; i++) {
                String arg = args[i];
                if (options && arg.equals("--")) {
                    options = false;
                } else if (options && arg.startsWith("-") && arg.length() > 1) {
                    switch (arg) {
                        case "--json" -> a.json = true;
                        case "--coverage" -> {
                            if (!command.equals("stats")) {
                                throw new CliError(command + ": unknown option '" + arg + "' (see strace-ls --help)");
                            }
                            a.coverage = true;
                        }
                        case "--explain" -> {
                            if (!command.equals("check")) {
                                throw new CliError(command + ": unknown option '" + arg + "' (see strace-ls --help)");
                            }
                            a.explain = true;
                        }
                        case "--help", "-h" -> a.help = true;
                        default -> throw new CliError(command + ": unknown option '" + arg + "' (see strace-ls --help)");
                    }
                } else {
                    a.files.add(arg);
                }
            }
            return a;
        }
    }
}
