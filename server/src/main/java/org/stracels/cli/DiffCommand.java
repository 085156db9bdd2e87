package org.stracels.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.stracels.compare.Comparison;
import org.stracels.compare.Difference;
import org.stracels.compare.RunFiles;

/**
 * {@code strace-ls diff GOOD BAD [--json] [--all]}: what the failing run did differently from the working one,
 * most likely reason first, each with its lines in both runs and why it matters. A run is a trace file, a folder
 * of {@code -ff} files or an {@code -ff} prefix. Exit 1 when BAD failed and a ranked difference explains it.
 */
final class DiffCommand {
    private DiffCommand() {
    }

    static int run(String[] args, PrintStream out) throws CliError {
        boolean json = false;
        boolean all = false;
        boolean options = true;
        List<String> runs = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (options && a.equals("--")) {
                options = false;
            } else if (options && a.startsWith("-") && a.length() > 1) {
                switch (a) {
                    case "--json" -> json = true;
                    case "--all" -> all = true;
                    case "--help", "-h" -> {
                        out.print(Cli.USAGE_TEXT);
                        return Cli.OK;
                    }
                    default -> throw new CliError("diff: unknown option '" + a + "' (see strace-ls --help)");
                }
            } else {
                runs.add(a);
            }
        }
        if (runs.size() != 2) {
            throw new CliError("diff: takes two runs, GOOD and BAD, got " + runs.size() + " (see strace-ls --help)");
        }
        List<Path> good = files(runs.get(0));
        List<Path> bad = files(runs.get(1));
        Comparison c;
        try {
            c = Comparison.of(good, names(runs.get(0), good), bad, names(runs.get(1), bad));
        } catch (IOException e) {
            throw new CliError("diff: cannot read: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
        List<Difference> shown = all ? c.differences() : c.rankedDifferences();
        if (json) {
            out.println(JsonOutput.GSON.toJson(json(shown)));
        } else {
            text(c, shown, all, out);
        }
        return c.explainsFailure() ? Cli.FOUND_ERRORS : Cli.OK;
    }

    /** The files of a run, each checked as {@code check} checks a file. */
    private static List<Path> files(String run) throws CliError {
        List<Path> files;
        try {
            files = RunFiles.resolve(run);
        } catch (IllegalArgumentException e) {
            throw new CliError("diff: " + e.getMessage());
        }
        for (Path p : files) {
            TraceFile.open(p.toString());
        }
        return files;
    }

    private static List<String> names(String run, List<Path> files) {
        return files.stream().map(Path::toString).toList();
    }

    private static JsonArray json(List<Difference> shown) {
        JsonArray a = new JsonArray();
        for (Difference d : shown) {
            JsonObject o = new JsonObject();
            o.addProperty("kind", d.kind().id());
            o.addProperty("why", d.why());
            o.add("good", location(d.good()));
            o.add("bad", location(d.bad()));
            o.addProperty("score", d.score());
            o.addProperty("routine", d.routine());
            a.add(o);
        }
        return a;
    }

    private static com.google.gson.JsonElement location(Difference.Location l) {
        if (l == null) {
            return JsonNull.INSTANCE;
        }
        JsonObject o = new JsonObject();
        o.addProperty("file", l.file());
        o.addProperty("line", l.line());
        return o;
    }

    private static void text(Comparison c, List<Difference> shown, boolean all, PrintStream out) {
        for (String f : c.failures()) {
            out.println("BAD failed: " + f);
        }
        int k = 0;
        for (Difference d : shown) {
            k++;
            out.println(k + ". " + d.kind().id() + (d.routine() ? " (routine)" : "") + ": " + d.why());
            out.println("   good: " + (d.good() == null ? "-" : d.good()));
            out.println("   bad:  " + (d.bad() == null ? "-" : d.bad()));
        }
        long ranked = c.rankedDifferences().size();
        long hidden = c.differences().size() - ranked + c.noiseDropped();
        out.println(ranked + (ranked == 1 ? " ranked difference" : " ranked differences")
                + (all ? ", " + hidden + " below the noise" + (c.noiseDropped() > 0 ? " (" + c.noiseDropped() + " not listed)" : "")
                        : hidden > 0 ? " (" + hidden + " routine or minor ones hidden; --all shows them)" : "")
                + (c.failures().isEmpty() ? "; BAD did not fail where GOOD worked" : ""));
    }
}
