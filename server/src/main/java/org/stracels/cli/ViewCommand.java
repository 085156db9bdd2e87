package org.stracels.cli;

import java.io.PrintStream;
import java.util.BitSet;
import org.stracels.parse.CancelCheck;
import org.stracels.stream.TraceSource;
import org.stracels.view.ViewException;
import org.stracels.view.Views;

/**
 * {@code strace-ls view}: the lines of a trace that the filters keep, verbatim, as a trace of its own on stdout
 * (with {@code --line-numbers}, each prefixed with its line in the original, {@code N:} as grep -n does). Two passes
 * over the file: one chooses, one prints.
 */
final class ViewCommand {
    private ViewCommand() {
    }

    static int run(ViewArguments a, PrintStream out) throws CliError {
        if (a.files.size() != 1) {
            throw new CliError(a.files.isEmpty() ? "view: missing FILE (see strace-ls --help)"
                    : "view: takes one FILE, got " + a.files.size());
        }
        TraceFile file = TraceFile.open(a.files.get(0));
        BitSet chosen;
        try (ProgressLine progress = file.progress()) {
            TraceSource source = file.source();
            chosen = Views.choose(source, a.filter, CancelCheck.NONE, progress);
            source.lines(chosen, CancelCheck.NONE, (line, text) -> {
                if (a.lineNumbers) {
                    out.append(Integer.toString(line + 1)).append(':');
                }
                out.append(text).append('\n');
                return !out.checkError();
            });
        } catch (ViewException e) {
            throw new CliError("view: " + e.getMessage());
        } catch (CliError | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new CliError(file.name() + ": " + e.getMessage());
        }
        return Cli.OK;
    }
}
