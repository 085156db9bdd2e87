package org.stracels.lsp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageServer;

/**
 * A server started with {@link ServerLauncher#launch} in this JVM and a {@link TestClient} connected to it
 * over piped streams, speaking the real protocol (lsp4j LauncherTest).
 */
final class ServerConnection implements AutoCloseable {
    final TestClient client = new TestClient();
    /** The client's proxy of the server: every call goes through JSON-RPC. */
    final LanguageServer server;

    private final PipedServer piped;
    private final Future<Void> clientListening;
    private final ExecutorService threads = Executors.newCachedThreadPool(Threads.daemon("test-client"));

    private ServerConnection(StraceLanguageServer impl) throws IOException {
        piped = new PipedServer(impl, threads);
        Launcher<LanguageServer> launcher = new LSPLauncher.Builder<LanguageServer>()
                .setLocalService(client)
                .setRemoteInterface(LanguageServer.class)
                .setInput(piped.fromServer)
                .setOutput(piped.toServer)
                .setExecutorService(threads)
                .create();
        server = launcher.getRemoteProxy();
        clientListening = launcher.startListening();
    }

    /** A server that checks documents without debounce delay. */
    static ServerConnection start() {
        return start(new StraceLanguageServer(Duration.ZERO));
    }

    static ServerConnection start(StraceLanguageServer impl) {
        try {
            return new ServerConnection(impl);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    InitializeResult initialize() throws Exception {
        return initialize(new InitializeParams());
    }

    InitializeResult initialize(InitializeParams params) throws Exception {
        InitializeResult result = server.initialize(params).get(TestData.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        server.initialized(new InitializedParams());
        return result;
    }

    /** workspace/didChangeConfiguration with {@code json} (parsed) as its settings. */
    void configure(String json) {
        server.getWorkspaceService().didChangeConfiguration(
                new DidChangeConfigurationParams(com.google.gson.JsonParser.parseString(json)));
    }

    /** Waits for the answer to a request. */
    static <T> T await(CompletableFuture<T> future) throws Exception {
        return future.get(TestData.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    void open(String uri, int version, String text) {
        server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "strace", version, text)));
    }

    void change(String uri, int version, TextDocumentContentChangeEvent... changes) {
        server.getTextDocumentService().didChange(
                new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri, version), List.of(changes)));
    }

    static TextDocumentContentChangeEvent edit(int line, int character, int endLine, int endCharacter, String text) {
        return new TextDocumentContentChangeEvent(
                new Range(new Position(line, character), new Position(endLine, endCharacter)), text);
    }

    void shutdown() throws Exception {
        server.shutdown().get(TestData.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** What {@link ServerLauncher#launch} returned; fails if it does not return in time. */
    int exitCode() throws Exception {
        return piped.launched.get(TestData.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Ends the server's input, as a client process that dies would. */
    void closeInput() {
        closeQuietly(piped.toServer);
    }

    @Override
    public void close() {
        piped.close();
        clientListening.cancel(true);
        threads.shutdownNow();
    }

    private static void closeQuietly(OutputStream out) {
        try {
            out.close();
        } catch (IOException e) {
            // already broken: nothing left to close
        }
    }
}
