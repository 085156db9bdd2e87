package org.stracels.stream;

/** A trace file that cannot be read as one: the message is one line, for a user (a CLI error, a JSON-RPC error). */
public final class TraceInputException extends Exception {
    private static final long serialVersionUID = 1L;

    public TraceInputException(String message) {
        super(message);
    }
}
