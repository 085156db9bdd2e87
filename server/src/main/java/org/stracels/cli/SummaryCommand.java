package org.stracels.cli;

import java.io.PrintStream;
import org.stracels.parse.CancelCheck;
import org.stracels.view.Summary;

/** {@code strace-ls summary}: one readable page about a trace of any size (see {@link Summary}). */
final class SummaryCommand {
    private SummaryCommand() {
    }

    static int run(TraceFile file, PrintStream out) throws CliError {
        try (ProgressLine progress = file.progress()) {
            Summary.Page page = Summary.of(file.source(), CancelCheck.NONE, progress);
            out.print(page.text());
        } catch (CliError | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new CliError(file.name() + ": " + e.getMessage());
        }
        return Cli.OK;
    }
}
