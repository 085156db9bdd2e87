package org.stracels.lsp;

import java.util.logging.ErrorManager;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * Sends the server's log records to the client as {@code window/logMessage}, so they show in the editor's
 * output panel. The other copy goes to stderr through java.util.logging's default console handler; nothing
 * ever goes to stdout, which carries the protocol.
 */
final class ClientLogHandler extends Handler {
    /** Held strongly: java.util.logging forgets the handlers of a logger nobody references. */
    private static final Logger SERVER_LOGGER = Logger.getLogger("org.stracels");
    private static final SimpleFormatter FORMATTER = new SimpleFormatter();

    private final LanguageClient client;

    private ClientLogHandler(LanguageClient client) {
        this.client = client;
        setLevel(Level.INFO);
    }

    /** Starts forwarding the records of every org.stracels logger to {@code client}. */
    static ClientLogHandler install(LanguageClient client) {
        ClientLogHandler handler = new ClientLogHandler(client);
        SERVER_LOGGER.addHandler(handler);
        return handler;
    }

    @Override
    public void publish(LogRecord record) {
        if (!isLoggable(record)) {
            return;
        }
        String message = record.getLoggerName() + ": " + FORMATTER.formatMessage(record);
        if (record.getThrown() != null) {
            message += "\n" + record.getThrown();
        }
        try {
            client.logMessage(new MessageParams(type(record.getLevel()), message));
        } catch (RuntimeException e) {
            // The connection is gone; the stderr copy of the record is still there. A handler must not throw.
            reportError("could not send a log message to the client", e, ErrorManager.WRITE_FAILURE);
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        SERVER_LOGGER.removeHandler(this);
    }

    private static MessageType type(Level level) {
        if (level.intValue() >= Level.SEVERE.intValue()) {
            return MessageType.Error;
        }
        if (level.intValue() >= Level.WARNING.intValue()) {
            return MessageType.Warning;
        }
        return level.intValue() >= Level.INFO.intValue() ? MessageType.Info : MessageType.Log;
    }
}
