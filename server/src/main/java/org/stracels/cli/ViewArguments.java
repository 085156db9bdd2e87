package org.stracels.cli;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.stracels.view.ViewFilter;

/**
 * The options of {@code strace-ls view}: filters as the user types them (lines 1-based, {@code --opt value} or
 * {@code --opt=value}), read into a {@link ViewFilter}. A mistake ends as one line naming the option.
 */
final class ViewArguments {
    ViewFilter filter = ViewFilter.ALL;
    boolean lineNumbers;
    boolean help;
    final List<String> files = new ArrayList<>();

    private ViewArguments() {
    }

    static ViewArguments parse(String[] args) throws CliError {
        ViewArguments a = new ViewArguments();
        List<Integer> pids = new ArrayList<>();
        boolean tree = false;
        boolean failed = false;
        boolean noise = false;
        Set<String> syscalls = new LinkedHashSet<>();
        Set<String> classes = new LinkedHashSet<>();
        String path = null;
        ViewFilter.FdRef fd = null;
        int from = -1;
        int to = -1;
        String fromTime = null;
        String toTime = null;
        int context = 0;
        boolean options = true;
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (!options || !arg.startsWith("--") || arg.equals("--")) {
                if (options && arg.equals("--")) {
                    options = false;
                } else if (options && arg.startsWith("-") && arg.length() > 1 && !arg.equals("-h")) {
                    throw new CliError("view: unknown option '" + arg + "' (see strace-ls --help)");
                } else if (options && arg.equals("-h")) {
                    a.help = true;
                } else {
                    a.files.add(arg);
                }
                continue;
            }
            String name = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            switch (name) {
                case "--tree" -> tree = flag(name, value);
                case "--failed" -> failed = flag(name, value);
                case "--noise" -> noise = flag(name, value);
                case "--line-numbers" -> a.lineNumbers = flag(name, value);
                case "--help" -> a.help = true;
                case "--pid", "--syscall", "--class", "--path", "--fd", "--lines", "--time", "--context" -> {
                    if (value == null) {
                        if (i + 1 >= args.length) {
                            throw new CliError("view: " + name + " needs a value (see strace-ls --help)");
                        }
                        value = args[++i];
                    }
                    switch (name) {
                        case "--pid" -> {
                            for (String p : list(name, value)) {
                                pids.add(number(name, p));
                            }
                        }
                        case "--syscall" -> syscalls.addAll(list(name, value));
                        case "--class" -> list(name, value).forEach(c -> classes.add(c.toLowerCase(java.util.Locale.ROOT)));
                        case "--path" -> path = value;
                        case "--fd" -> fd = fd(value);
                        case "--lines" -> {
                            int[] range = lines(value);
                            from = range[0];
                            to = range[1];
                        }
                        case "--time" -> {
                            int dash = value.indexOf('-');
                            if (dash < 0) {
                                throw new CliError("view: --time takes T1-T2 (either may be left out), got '" + value + "'");
                            }
                            fromTime = dash == 0 ? null : value.substring(0, dash);
                            toTime = dash == value.length() - 1 ? null : value.substring(dash + 1);
                        }
                        default -> context = number(name, value);
                    }
                }
                default -> throw new CliError("view: unknown option '" + name + "' (see strace-ls --help)");
            }
        }
        a.filter = new ViewFilter(pids, tree, failed, noise, syscalls, classes, path, fd, from, to, fromTime, toTime,
                context);
        String problem = a.filter.check();
        if (problem != null) {
            throw new CliError("view: " + problem);
        }
        return a;
    }

    private static boolean flag(String name, String value) throws CliError {
        if (value != null) {
            throw new CliError("view: " + name + " takes no value");
        }
        return true;
    }

    private static List<String> list(String name, String value) throws CliError {
        List<String> items = new ArrayList<>();
        for (String s : value.split(",")) {
            if (!s.isBlank()) {
                items.add(s.trim());
            }
        }
        if (items.isEmpty()) {
            throw new CliError("view: " + name + " needs a value");
        }
        return items;
    }

    private static int number(String name, String value) throws CliError {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new CliError("view: " + name + " takes a number, got '" + value + "'");
        }
    }

    /** {@code PID:FD@LINE}, LINE 1-based. */
    private static ViewFilter.FdRef fd(String value) throws CliError {
        int colon = value.indexOf(':');
        int at = value.indexOf('@');
        if (colon <= 0 || at <= colon + 1 || at == value.length() - 1) {
            throw new CliError("view: --fd takes PID:FD@LINE (e.g. 4110:3@120), got '" + value + "'");
        }
        int pid = number("--fd", value.substring(0, colon));
        int fd = number("--fd", value.substring(colon + 1, at));
        int line = number("--fd", value.substring(at + 1));
        if (line < 1) {
            throw new CliError("view: --fd: lines count from 1");
        }
        return new ViewFilter.FdRef(pid, fd, line - 1);
    }

    /** {@code A-B}, {@code A-}, {@code -B} or {@code A}: 1-based, inclusive; to 0-based. */
    private static int[] lines(String value) throws CliError {
        int dash = value.indexOf('-');
        String a = dash < 0 ? value : value.substring(0, dash);
        String b = dash < 0 ? value : value.substring(dash + 1);
        int from = a.isEmpty() ? -1 : number("--lines", a) - 1;
        int to = b.isEmpty() ? -1 : number("--lines", b) - 1;
        if (from < -1 || to < -1 || a.isEmpty() && b.isEmpty()) {
            throw new CliError("view: --lines takes A-B with lines from 1, got '" + value + "'");
        }
        return new int[] {from, to};
    }
}
