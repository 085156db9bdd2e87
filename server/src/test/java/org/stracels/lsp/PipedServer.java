package org.stracels.lsp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * A server started with {@link ServerLauncher#launch} in this JVM on OS pipes, as a client process would see it:
 * the stream to write its input to and the stream its output comes on. OS pipes, not java.io.Piped*: those fail a
 * reader with "Write end dead" once the last thread that wrote has ended, and the server answers requests from
 * pool threads that come and go.
 */
final class PipedServer {
    /** The server's input. */
    final OutputStream toServer;
    /** The server's output, as a client reads it (it ends when the server ends). */
    final InputStream fromServer;
    /** What {@link ServerLauncher#launch} returns. */
    final CompletableFuture<Integer> launched;
    private final OutputStream toClient;

    PipedServer(StraceLanguageServer impl, Executor threads) throws IOException {
        Pipe serverPipe = Pipe.open();
        InputStream serverIn = Channels.newInputStream(serverPipe.source());
        toServer = Channels.newOutputStream(serverPipe.sink());
        Pipe clientPipe = Pipe.open();
        fromServer = Channels.newInputStream(clientPipe.source());
        toClient = Channels.newOutputStream(clientPipe.sink());
        launched = CompletableFuture.supplyAsync(() -> {
            try {
                return ServerLauncher.launch(serverIn, toClient, impl);
            } finally {
                close(toClient); // the client reads end of input instead of a dead pipe
            }
        }, threads);
    }

    /** Closes both ends this side holds. */
    void close() {
        close(toServer);
        close(toClient);
    }

    private static void close(OutputStream out) {
        try {
            out.close();
        } catch (IOException e) {
            // already closed
        }
    }
}
