package org.stracels.lsp;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.logging.Logger;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageClientAware;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.eclipse.lsp4j.services.WorkspaceService;
import org.stracels.catalog.Catalog;

/**
 * The server's lifecycle: initialize, initialized, shutdown, exit. Everything about documents lives in the
 * services it hands out.
 *
 * <p>It never calls System.exit: {@code exit} completes {@link #exitCode()} with the code the specification
 * asks for (0 after {@code shutdown}, 1 without) and {@link ServerLauncher} returns it to whoever started the
 * server. The same happens when the input ends: a client that died cannot send {@code exit}.
 */
public final class StraceLanguageServer implements LanguageServer, LanguageClientAware, AutoCloseable {
    /** Long enough to skip the checks between keystrokes, short enough to feel immediate. */
    static final Duration DEFAULT_DIAGNOSTICS_DELAY = Duration.ofMillis(250);

    private static final Logger LOG = Logger.getLogger(StraceLanguageServer.class.getName());

    private final ScheduledExecutorService scheduler;
    private final DiagnosticsPublisher diagnostics;
    private final StraceTextDocumentService textDocumentService;
    private final StraceWorkspaceService workspaceService;
    private final WorkProgress progress = new WorkProgress();
    private final Documents documents = new Documents(progress);
    private final CurrentSettings settings = new CurrentSettings();
    private final Features features;
    private final ShowLocationCommand showLocation = new ShowLocationCommand();
    private final ViewDocuments views = new ViewDocuments();
    private final OversizedMessages oversized = new OversizedMessages();
    private volatile boolean inlayHintRefresh;
    private volatile boolean codeLensRefresh;
    private final CompletableFuture<Integer> exitCode = new CompletableFuture<>();
    private volatile boolean shutdownRequested;
    private volatile LanguageClient client;
    private volatile ClientLogHandler logHandler;

    public StraceLanguageServer() {
        this(DEFAULT_DIAGNOSTICS_DELAY);
    }

    StraceLanguageServer(Duration diagnosticsDelay) {
        this(diagnosticsScheduler(), diagnosticsDelay);
    }

    /** @param scheduler single-threaded (see {@link DiagnosticsPublisher}); the server shuts it down on close */
    StraceLanguageServer(ScheduledExecutorService scheduler, Duration diagnosticsDelay) {
        this.scheduler = scheduler;
        this.diagnostics = new DiagnosticsPublisher(scheduler, diagnosticsDelay, this::publish, settings);
        this.features = Features.of(documents, settings, views);
        this.textDocumentService = new StraceTextDocumentService(documents, diagnostics, features, oversized);
        this.workspaceService = new StraceWorkspaceService(new WorkspaceSymbolRequest(documents), this::settingsChanged,
                showLocation, new TraceCommands(documents, views, progress), new ReportCommand(documents, progress));
    }

    @Override
    public void connect(LanguageClient client) {
        this.client = client;
        showLocation.connect(client);
        progress.connect(client);
        oversized.connect(client);
        this.logHandler = ClientLogHandler.install(client);
    }

    @Override
    public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
        features.hover().clientFormats(ClientSupport.hoverFormats(params));
        features.symbols().clientSupportsHierarchy(ClientSupport.hierarchicalSymbols(params));
        inlayHintRefresh = ClientSupport.inlayHintRefresh(params);
        codeLensRefresh = ClientSupport.codeLensRefresh(params);
        showLocation.clientShowsDocuments(ClientSupport.showDocument(params));
        progress.clientSupports(ClientSupport.workDoneProgress(params));
        settings.set(SettingsReader.read(params == null ? null : params.getInitializationOptions()));
        return CompletableFuture.completedFuture(Capabilities.initializeResult());
    }

    /**
     * workspace/didChangeConfiguration: the new settings replace the old as a whole; diagnostics of the open
     * documents are checked again, and clients that allow it are asked to fetch inlay hints and code lenses anew.
     * A notification without a {@code strace} section changes nothing: Eglot, LSP4IJ and Sublime send an empty
     * one right after connecting, which must not wipe the settings given at initialize.
     */
    private void settingsChanged(Object json) {
        if (!SettingsReader.hasSection(json)) {
            LOG.fine("didChangeConfiguration without a \"strace\" section: settings unchanged");
            return;
        }
        settings.set(SettingsReader.read(json));
        LOG.fine("settings changed");
        LanguageClient c = client;
        if (c != null && inlayHintRefresh) {
            c.refreshInlayHints();
        }
        if (c != null && codeLensRefresh) {
            c.refreshCodeLenses();
        }
        documents.all().forEach(diagnostics::documentChanged); // after the refreshes: clients see them first
    }

    @Override
    public void initialized(InitializedParams params) {
        // the catalogue takes a few hundred milliseconds to load: not on the first hover or token request
        CompletableFuture.runAsync(Catalog::get);
        LOG.info(() -> Capabilities.SERVER_NAME + " " + Capabilities.version() + " ready");
    }

    /** The user cancelled a long job the server showed progress for. */
    @Override
    public void cancelProgress(org.eclipse.lsp4j.WorkDoneProgressCancelParams params) {
        if (params != null && params.getToken() != null && params.getToken().isLeft()) {
            progress.cancel(params.getToken().getLeft());
        }
    }

    @Override
    public CompletableFuture<Object> shutdown() {
        shutdownRequested = true;
        diagnostics.stop();
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void exit() {
        exitCode.complete(shutdownRequested ? 0 : 1);
    }

    /** The input ended without {@code exit}: end as {@code exit} would have. */
    /** The frame reader passed over a message too big for this heap (see {@link FrameOversize}). */
    void oversized(String head, long length, long limit) {
        oversized.refused(head, length, limit);
    }

    void inputClosed() {
        if (exitCode.isDone()) {
            return; // exit came first; the launcher then stopped reading
        }
        if (logHandler != null) {
            logHandler.close(); // whoever closed our input is not reading log messages either
        }
        LOG.info("input closed" + (shutdownRequested ? "" : " without shutdown"));
        exitCode.complete(shutdownRequested ? 0 : 1);
    }

    /** Completes when the server should stop, with the process exit code. */
    CompletableFuture<Integer> exitCode() {
        return exitCode;
    }

    @Override
    public TextDocumentService getTextDocumentService() {
        return textDocumentService;
    }

    @Override
    public WorkspaceService getWorkspaceService() {
        return workspaceService;
    }

    @Override
    public void close() {
        diagnostics.stop();
        scheduler.shutdownNow();
        if (logHandler != null) {
            logHandler.close();
        }
    }

    /** One thread (see {@link DiagnosticsPublisher}); a replaced check leaves the queue at once, with its text. */
    private static ScheduledExecutorService diagnosticsScheduler() {
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1, Threads.daemon("strace-ls-diagnostics"));
        scheduler.setRemoveOnCancelPolicy(true);
        return scheduler;
    }

    private void publish(PublishDiagnosticsParams params) {
        LanguageClient c = client;
        if (c != null) {
            c.publishDiagnostics(params);
        }
    }
}
