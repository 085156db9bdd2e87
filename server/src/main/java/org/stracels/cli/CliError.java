package org.stracels.cli;

/**
 * A mistake in how the tool was called or in what it was given (an unknown option, a missing or unreadable
 * file). Its message is the whole line the user sees after {@code strace-ls: }; the exit code is 2.
 */
final class CliError extends Exception {
    private static final long serialVersionUID = 1L;

    CliError(String message) {
        super(message, null, false, false);
    }
}
