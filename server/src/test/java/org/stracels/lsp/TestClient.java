package org.stracels.lsp;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ShowDocumentParams;
import org.eclipse.lsp4j.ShowDocumentResult;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.services.LanguageClient;

/** The editor side of the in-process tests: records what the server sends and lets a test wait for it. */
final class TestClient implements LanguageClient {
    private final BlockingQueue<PublishDiagnosticsParams> unread = new LinkedBlockingQueue<>();
    /** Every publishDiagnostics, in arrival order. */
    final List<PublishDiagnosticsParams> published = new CopyOnWriteArrayList<>();
    final List<MessageParams> logs = new CopyOnWriteArrayList<>();
    /** Every window/showDocument the server asked for. */
    final List<ShowDocumentParams> shown = new CopyOnWriteArrayList<>();

    @Override
    public void publishDiagnostics(PublishDiagnosticsParams diagnostics) {
        published.add(diagnostics);
        unread.add(diagnostics);
    }

    /**
     * Waits (at most {@link TestData#TIMEOUT}) for the diagnostics of {@code uri} at {@code version}, skipping
     * any other publication; {@code version} null waits for the versionless empty list sent on close.
     */
    PublishDiagnosticsParams awaitDiagnostics(String uri, Integer version) throws InterruptedException {
        long deadline = System.nanoTime() + TestData.TIMEOUT.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            PublishDiagnosticsParams p = left > 0 ? unread.poll(left, TimeUnit.NANOSECONDS) : null;
            if (p == null) {
                throw new AssertionError("no diagnostics for " + uri + " version " + version + " within "
                        + TestData.TIMEOUT + "; received: " + summary());
            }
            if (uri.equals(p.getUri()) && Objects.equals(version, p.getVersion())) {
                return p;
            }
        }
    }

    /** uri@version:count of every publication so far, for failure messages. */
    String summary() {
        StringBuilder b = new StringBuilder();
        for (PublishDiagnosticsParams p : published) {
            b.append(p.getUri()).append('@').append(p.getVersion()).append(':').append(p.getDiagnostics().size()).append(' ');
        }
        return b.toString();
    }

    @Override
    public void logMessage(MessageParams message) {
        logs.add(message);
    }

    @Override
    public void showMessage(MessageParams message) {
        logs.add(message);
    }

    @Override
    public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams request) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void telemetryEvent(Object object) {
    }

    /** workspace/inlayHint/refresh and workspace/codeLens/refresh requests received, in order. */
    final List<String> refreshes = new CopyOnWriteArrayList<>();

    @Override
    public CompletableFuture<Void> refreshInlayHints() {
        refreshes.add("inlayHint");
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> refreshCodeLenses() {
        refreshes.add("codeLens");
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<ShowDocumentResult> showDocument(ShowDocumentParams params) {
        shown.add(params);
        return CompletableFuture.completedFuture(new ShowDocumentResult(true));
    }

    /** Work done progress the server created and reported, in order. */
    final List<Object> progress = new CopyOnWriteArrayList<>();

    @Override
    public CompletableFuture<Void> createProgress(org.eclipse.lsp4j.WorkDoneProgressCreateParams params) {
        progress.add("create");
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void notifyProgress(org.eclipse.lsp4j.ProgressParams params) {
        progress.add(params.getValue().getLeft().getKind().toString());
    }
}
