package org.stracels.cli;

/** The language server, started by {@code strace-ls} with no argument or with {@code --stdio}. */
public final class ServerMode {
    private ServerMode() {
    }

    /** Runs the server until the client exits; returns the process exit code. */
    public static int run() {
        return org.stracels.lsp.ServerLauncher.runOnStdio();
    }
}
