package org.stracels.lsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.stracels.lsp.ServerConnection.edit;

import java.util.List;
import java.util.concurrent.CancellationException;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.junit.jupiter.api.Test;

class DocumentsTest {
    private static final String URI = "file:///a.strace";

    private final Documents documents = new Documents();

    private OpenDocument open(String text) {
        return documents.open(new TextDocumentItem(URI, "strace", 1, text)).orElseThrow();
    }

    private OpenDocument change(int version, TextDocumentContentChangeEvent... changes) {
        return documents.change(new VersionedTextDocumentIdentifier(URI, version), List.of(changes)).orElseThrow();
    }

    @Test
    void incrementalChangesApplyInOrderEachAgainstTheTextBeforeIt() {
        open("read(3) = 1\r\nwrite(1) = -1 EPIPE\rclose(3) = 0\n");
        int errno = "write(1) = -1 ".length();
        OpenDocument v2 = change(2,
                edit(1, errno, 1, errno + 5, "EBADF"), // EPIPE -> EBADF on the line ended by a lone \r
                edit(0, 5, 0, 6, "42"), // read(3) -> read(42)
                edit(3, 0, 3, 0, "exit_group(0) = ?")); // on the empty line after the final break
        assertThat(v2.text()).isEqualTo("read(42) = 1\r\nwrite(1) = -1 EBADF\rclose(3) = 0\nexit_group(0) = ?");
        assertThat(v2.version()).isEqualTo(2);
    }

    @Test
    void rangesCountUtf16UnitsOnNonAsciiLines() {
        open("open(\"é😀\") = -1 ENOENT\n");
        int afterEmoji = "open(\"é😀".length(); // 6 + 1 + 2
        assertThat(change(2, edit(0, afterEmoji, 0, afterEmoji, "!")).text()).isEqualTo("open(\"é😀!\") = -1 ENOENT\n");
    }

    @Test
    void aChangeWithoutRangeReplacesEverything() {
        open("old");
        assertThat(change(2, new TextDocumentContentChangeEvent("new\n")).text()).isEqualTo("new\n");
    }

    @Test
    void aNewVersionSupersedesTheOldOneAndCancelsItsWork() {
        OpenDocument v1 = open("close(3) = 0\n");
        OpenDocument v2 = change(2, edit(0, 6, 0, 7, "4"));

        assertThat(v1.isCurrent()).isFalse();
        assertThatThrownBy(() -> v1.cancelCheck().checkCanceled()).isInstanceOf(CancellationException.class);
        assertThatThrownBy(v1::trace).isInstanceOf(CancellationException.class);
        assertThat(documents.get(URI)).containsSame(v2);
        v2.cancelCheck().checkCanceled(); // does not throw
    }

    @Test
    void theTraceIsParsedOncePerVersion() {
        OpenDocument v1 = open("close(3) = 0\n");
        assertThat(v1.trace()).isSameAs(v1.trace());
        assertThat(v1.trace().parsed().lineCount()).isEqualTo(1);
    }

    @Test
    void documentsThatAreNotOpenGiveEmptyAnswers() {
        assertThat(documents.get("file:///nothing")).isEmpty();
        assertThat(documents.get(null)).isEmpty();
        assertThat(documents.change(new VersionedTextDocumentIdentifier("file:///nothing", 3), List.of())).isEmpty();
        assertThat(documents.close(new TextDocumentIdentifier("file:///nothing"))).isEmpty();
        assertThat(documents.open(null)).isEmpty();
    }

    @Test
    void closingSupersedes() {
        OpenDocument v1 = open("x\n");
        assertThat(documents.close(new TextDocumentIdentifier(URI))).containsSame(v1);
        assertThat(v1.isCurrent()).isFalse();
        assertThat(documents.get(URI)).isEmpty();
    }
}
