package org.stracels.hover;

import org.stracels.parse.ParsedLine;
import org.stracels.parse.Span;

/** What strace itself did to a call: {@code (INJECTED)}, {@code (INJECTED: args)}, {@code (DELAYED)} after the result. */
final class Injection {
    private Injection() {
    }

    /** Whether strace injected this line's result ({@code -e inject=…:error=} / {@code retval=}, {@code -e fault=}). */
    static boolean injected(String text, ParsedLine line) {
        for (Span note : line.notes()) {
            String n = note.text(text);
            if (n.equals("(INJECTED)")) {
                return true;
            }
        }
        return false;
    }

    /** The sentence that replaces the kernel's reasons on an injected failure. */
    static String failureNote(String errno) {
        return "strace injected this failure (`-e inject=…:error=" + errno + "` or `-e fault=`): the kernel did not run"
                + " the call, so nothing on the system refused it. The program's reaction after it is what the"
                + " injection tests.";
    }

    /** What the program sees after an interrupted call, by the restart code strace shows. */
    static String restartText(String errno) {
        if (errno == null) {
            return "Interrupted by a signal.";
        }
        return switch (errno) {
            case "ERESTARTSYS" -> "With no handler, or a handler installed with `SA_RESTART`, the kernel runs the call"
                    + " again; after a handler without `SA_RESTART` the program gets `EINTR`.";
            case "ERESTARTNOINTR" -> "The kernel always runs the call again, handler or not: the program never sees"
                    + " `EINTR`.";
            case "ERESTARTNOHAND" -> "Without a handler (an ignored signal, a stop and continue) the kernel runs the call"
                    + " again; after a handler the program gets `EINTR`, whatever `SA_RESTART` says.";
            case "ERESTART_RESTARTBLOCK" -> "Without a handler the call goes on through `restart_syscall` with what was"
                    + " left (the remaining time); after a handler the program gets `EINTR`, whatever `SA_RESTART`"
                    + " says.";
            default -> "The kernel restarts it or the program gets `EINTR`.";
        };
    }
}
