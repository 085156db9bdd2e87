package org.stracels.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the cut start of a message too big to read says it is: method, top-level id, the document's uri. */
class OversizedHeadTest {
    @Test
    void aCutDidOpenNamesItsMethodAndDocument() {
        String head = "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{\"textDocument\":"
                + "{\"uri\":\"file:///tmp/big%20trace.strace\",\"languageId\":\"strace\",\"version\":1,\"text\":\"1234 openat(AT_F";
        OversizedMessages.Head h = OversizedMessages.Head.of(head);
        assertThat(h.method()).isEqualTo("textDocument/didOpen");
        assertThat(h.uri()).isEqualTo("file:///tmp/big%20trace.strace");
        assertThat(h.id()).isNull();
    }

    @Test
    void aCutRequestGivesItsTopLevelIdNotOneInsideItsParams() {
        String head = "{\"jsonrpc\":\"2.0\",\"id\":42,\"method\":\"workspace/executeCommand\",\"params\":"
                + "{\"command\":\"strace.view\",\"arguments\":[{\"id\":7,\"uri\":\"xxxxxxxx";
        OversizedMessages.Head h = OversizedMessages.Head.of(head);
        assertThat(h.id()).isEqualTo(42);
        assertThat(h.method()).isEqualTo("workspace/executeCommand");
        assertThat(h.uri()).isNull();
        assertThat(OversizedMessages.Head.of("{\"id\":\"a-7\",\"method\":\"x\",\"params\":[\"cut").id()).isEqualTo("a-7");
    }

    @Test
    void bytesThatAreNoMessageSayNothing() {
        OversizedMessages.Head h = OversizedMessages.Head.of("\u0000\u0001garbage \"id\": 5, \"method\": \"m\"");
        assertThat(h.method()).isNull();
        assertThat(h.id()).isNull();
        assertThat(h.uri()).isNull();
    }
}
