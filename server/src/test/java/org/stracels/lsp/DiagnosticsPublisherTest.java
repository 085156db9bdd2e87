package org.stracels.lsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stracels.lsp.ServerConnection.edit;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Debounce and staleness, made deterministic without sleeping: the publisher's single scheduler thread is
 * held by a gate task while the edits arrive, so every check they schedule is still waiting when the next
 * edit comes. The handlers are called the way lsp4j calls them, one after another on one thread.
 */
class DiagnosticsPublisherTest {
    private static final String URI = "file:///debounce.strace";
    private static final String TEXT = "close(9) = -1 EBADF (Bad file descriptor)\n+++ exited with 1 +++\n";

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final List<PublishDiagnosticsParams> published = new CopyOnWriteArrayList<>();
    private final DiagnosticsPublisher publisher = new DiagnosticsPublisher(scheduler, Duration.ZERO, published::add);
    private final Documents documents = new Documents();
    private final StraceTextDocumentService service = new StraceTextDocumentService(documents, publisher,
            Features.of(documents, () -> org.stracels.settings.Settings.DEFAULT, new ViewDocuments()));
    private final CountDownLatch gate = new CountDownLatch(1);

    @AfterEach
    void stop() {
        gate.countDown();
        scheduler.shutdownNow();
    }

    @Test
    void quickEditsPublishOnlyTheLastVersion() throws Exception {
        holdScheduler();
        service.didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(URI, "strace", 1, TEXT)));
        for (int version = 2; version <= 6; version++) {
            service.didChange(change(version, edit(1, 16, 1, 17, Integer.toString(version))));
        }
        gate.countDown();
        drainScheduler();

        assertThat(published).hasSize(1);
        assertThat(published.get(0).getVersion()).isEqualTo(6);
        assertThat(published.get(0).getDiagnostics()).extracting(d -> d.getMessage().getLeft())
                .anyMatch(m -> m.contains("status 6"));
    }

    @Test
    void closingBeforeTheCheckRanPublishesOnlyTheEmptyList() throws Exception {
        holdScheduler();
        service.didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(URI, "strace", 1, TEXT)));
        service.didClose(new DidCloseTextDocumentParams(new TextDocumentIdentifier(URI)));
        gate.countDown();
        drainScheduler();

        assertThat(published).hasSize(1);
        assertThat(published.get(0).getVersion()).isNull();
        assertThat(published.get(0).getDiagnostics()).isEmpty();
    }

    @Test
    void aVersionSupersededWhileItsCheckWaitsIsNeverPublished() throws Exception {
        holdScheduler();
        OpenDocument v1 = documents.open(new TextDocumentItem(URI, "strace", 1, TEXT)).orElseThrow();
        publisher.documentChanged(v1);
        // v2 replaces v1 but its own check is not scheduled yet: v1's task must notice by itself
        documents.change(new VersionedTextDocumentIdentifier(URI, 2), List.of(edit(0, 0, 0, 0, "")));
        gate.countDown();
        drainScheduler();

        assertThat(published).isEmpty();
    }

    @Test
    void nothingIsPublishedAfterStop() throws Exception {
        holdScheduler();
        service.didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(URI, "strace", 1, TEXT)));
        publisher.stop();
        service.didChange(change(2, edit(0, 0, 0, 0, "")));
        gate.countDown();
        drainScheduler();

        assertThat(published).isEmpty();
    }

    private static DidChangeTextDocumentParams change(int version, org.eclipse.lsp4j.TextDocumentContentChangeEvent edit) {
        return new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(URI, version), List.of(edit));
    }

    /** Occupies the scheduler's only thread until the gate opens. */
    private void holdScheduler() throws InterruptedException {
        CountDownLatch held = new CountDownLatch(1);
        scheduler.execute(() -> {
            held.countDown();
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertThat(held.await(TestData.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
    }

    /** Waits until every task scheduled so far has run: tasks due at the same time run in submission order. */
    private void drainScheduler() throws Exception {
        scheduler.submit(() -> { }).get(TestData.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }
}
