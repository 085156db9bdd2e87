package org.stracels.lsp;

/**
 * Runs the language server on stdin/stdout. The CLI's Main does the same for no arguments or
 * {@code --stdio}; this entry point does not depend on the CLI, so the jar can always be tested as a server.
 */
public final class StdioMain {
    private StdioMain() {
    }

    public static void main(String[] args) {
        System.exit(ServerLauncher.runOnStdio());
    }
}
