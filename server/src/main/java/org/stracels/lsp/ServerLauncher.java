package org.stracels.lsp;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.jsonrpc.MessageConsumer;
import org.eclipse.lsp4j.jsonrpc.MessageProducer;
import org.eclipse.lsp4j.jsonrpc.RemoteEndpoint;
import org.eclipse.lsp4j.jsonrpc.json.ConcurrentMessageProcessor;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * Starts the server on a pair of streams and blocks until it should stop (model: lemminx
 * XMLServerLauncher). {@link #launch} is separate from the stdio entry so tests can start servers on pipes.
 * Nothing here calls System.exit: the caller gets the exit code and decides.
 */
public final class ServerLauncher {
    private ServerLauncher() {
    }

    /**
     * Runs the server on the process's stdin and stdout. System.out is pointed at stderr first: stdout
     * carries the protocol, and one stray println from anywhere would corrupt it.
     *
     * @return the exit code for the process
     */
    public static int runOnStdio() {
        OutputStream protocolOut = new FileOutputStream(FileDescriptor.out);
        System.setOut(System.err);
        return launch(System.in, protocolOut);
    }

    /**
     * Runs a server on {@code in}/{@code out} until {@code exit} arrives or {@code in} ends.
     *
     * @return 0 after {@code shutdown} then {@code exit} (or end of input), 1 without {@code shutdown}
     */
    public static int launch(InputStream in, OutputStream out) {
        return launch(in, out, new StraceLanguageServer());
    }

    static int launch(InputStream in, OutputStream out, StraceLanguageServer server) {
        ExecutorService executor = Executors.newCachedThreadPool(Threads.daemon("strace-ls-jsonrpc"));
        Launcher<LanguageClient> launcher = new ResyncingBuilder(server::oversized)
                .setLocalService(server)
                .setRemoteInterface(LanguageClient.class)
                .setInput(in)
                .setOutput(out)
                .setExecutorService(executor)
                .create();
        server.connect(launcher.getRemoteProxy());
        Future<Void> listening = launcher.startListening();
        try {
            executor.execute(() -> {
                awaitEnd(listening);
                server.inputClosed();
            });
            return server.exitCode().join();
        } finally {
            listening.cancel(true); // stops lsp4j's read loop, which an interrupt alone does not
            server.close();
            executor.shutdownNow();
        }
    }

    /** lsp4j's builder with {@link FrameReader} in place of its stream reader, which cannot find its place again. */
    private static final class ResyncingBuilder extends LSPLauncher.Builder<LanguageClient> {
        private final FrameOversize.Listener oversize;
        private MessageJsonHandler json;
        private RemoteEndpoint endpoint;

        ResyncingBuilder(FrameOversize.Listener oversize) {
            this.oversize = oversize;
        }

        @Override
        protected RemoteEndpoint createRemoteEndpoint(MessageJsonHandler jsonHandler) {
            json = jsonHandler;
            endpoint = super.createRemoteEndpoint(jsonHandler);
            return endpoint;
        }

        @Override
        protected ConcurrentMessageProcessor createMessageProcessor(MessageProducer ignored, MessageConsumer consumer,
                LanguageClient client) {
            return super.createMessageProcessor(new FrameReader(input, json, endpoint, FrameReader.maxBody(), oversize),
                    consumer, client);
        }
    }

    /** Waits for the read loop to end: end of input, a read error, or cancellation by {@link #launch}. */
    private static void awaitEnd(Future<Void> reading) {
        try {
            reading.get();
        } catch (ExecutionException | CancellationException e) {
            // the read loop ended; either way there is no more input
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
