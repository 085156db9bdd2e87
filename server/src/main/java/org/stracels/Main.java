package org.stracels;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.stracels.cli.Cli;
import org.stracels.lsp.ServerLauncher;

/**
 * The one entry point of the jar: the language server on stdin/stdout (started through {@code lsp} directly),
 * or the command-line tool ({@code cli}).
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 0 || args[0].equals("--stdio")) {
            System.exit(ServerLauncher.runOnStdio());
        }
        // UTF-8 whatever the locale: findings quote paths, JSON consumers expect UTF-8
        PrintStream out = new PrintStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16),
                false, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        int code;
        try {
            code = Cli.run(args, out, err);
        } catch (Throwable t) {
            // the one catch-all: a bug must still end with one line, never a stack trace
            out.flush();
            String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
            err.println("strace-ls: internal error: " + message);
            code = 3;
        }
        out.flush();
        err.flush();
        System.exit(code);
    }
}
