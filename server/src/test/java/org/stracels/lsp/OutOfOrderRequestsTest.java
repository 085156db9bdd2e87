package org.stracels.lsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.stracels.lsp.ServerConnection.edit;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.junit.jupiter.api.Test;

/**
 * Messages in an order or shape the server does not expect (lemminx OutOfOrderRequestsTest): nothing is
 * published for documents that are not open, nothing throws out of the server, and it keeps answering.
 */
class OutOfOrderRequestsTest {
    private static final String NEVER_OPENED = "file:///never-opened.strace";
    private static final String FAILING = "close(9) = -1 EBADF (Bad file descriptor)\n";

    @Test
    void messagesAboutDocumentsThatAreNotOpenAreIgnored() throws Exception {
        try (ServerConnection c = ServerConnection.start()) {
            c.initialize();
            c.change(NEVER_OPENED, 2, edit(0, 0, 0, 0, FAILING));
            c.server.getTextDocumentService().didClose(new DidCloseTextDocumentParams(new TextDocumentIdentifier(NEVER_OPENED)));
            c.server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams()); // no document at all

            // Notifications are handled in order: once this one's diagnostics arrive, the ones above were handled.
            c.open("file:///opened.strace", 1, FAILING);
            assertThat(c.client.awaitDiagnostics("file:///opened.strace", 1).getDiagnostics()).hasSize(1);
            assertThat(c.client.published).noneMatch(p -> p.getUri().equals(NEVER_OPENED));

            c.shutdown();
            c.server.exit();
            assertThat(c.exitCode()).isZero();
        }
    }

    @Test
    void changesAfterCloseAreIgnoredAndReopeningStartsAfresh() throws Exception {
        String uri = "file:///reopened.strace";
        try (ServerConnection c = ServerConnection.start()) {
            c.initialize();
            c.open(uri, 1, FAILING);
            c.client.awaitDiagnostics(uri, 1);
            c.server.getTextDocumentService().didClose(new DidCloseTextDocumentParams(new TextDocumentIdentifier(uri)));
            c.client.awaitDiagnostics(uri, null);
            c.change(uri, 2, edit(0, 0, 0, 0, FAILING));

            c.open(uri, 5, "exit_group(0) = ?\n+++ exited with 0 +++\n");
            assertThat(c.client.awaitDiagnostics(uri, 5).getDiagnostics()).isEmpty();
            assertThat(c.client.published).noneMatch(p -> Integer.valueOf(2).equals(p.getVersion()));
        }
    }

    @Test
    void hoverOnAnUnopenedDocumentIsEmptyAndTheServerStaysUp() throws Exception {
        try (ServerConnection c = ServerConnection.start()) {
            c.initialize();
            HoverParams hover = new HoverParams(new TextDocumentIdentifier(NEVER_OPENED), new Position(0, 0));
            assertThat(c.server.getTextDocumentService().hover(hover)
                    .get(TestData.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)).isNull();
            // unknown methods (JSON-RPC error -32601) are covered over raw bytes in MalformedInputTest

            c.open("file:///after.strace", 1, FAILING);
            assertThat(c.client.awaitDiagnostics("file:///after.strace", 1).getDiagnostics()).hasSize(1);
            c.shutdown();
            c.server.exit();
            assertThat(c.exitCode()).isZero();
        }
    }
}
