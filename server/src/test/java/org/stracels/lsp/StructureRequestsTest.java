package org.stracels.lsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stracels.lsp.ServerConnection.await;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CodeLens;
import org.eclipse.lsp4j.CodeLensParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolCapabilities;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.FoldingRange;
import org.eclipse.lsp4j.FoldingRangeKind;
import org.eclipse.lsp4j.FoldingRangeRequestParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InlayHint;
import org.eclipse.lsp4j.InlayHintKind;
import org.eclipse.lsp4j.InlayHintParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.SemanticTokens;
import org.eclipse.lsp4j.SemanticTokensParams;
import org.eclipse.lsp4j.SemanticTokensRangeParams;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.SymbolKind;
import org.eclipse.lsp4j.TextDocumentClientCapabilities;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceSymbolParams;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.junit.jupiter.api.Test;
import org.stracels.Testdata;
import org.stracels.analysis.Trace;
import org.stracels.parse.CancelCheck;
import org.stracels.structure.TokenList;
import org.stracels.structure.TokenType;

/**
 * documentSymbol, workspace/symbol, foldingRange, semanticTokens (full and range), inlayHint and codeLens over
 * the real protocol, on real traces: exact answers for a few, and every request on every testdata trace with
 * every range inside the document and the tokens decoded back to the text they cover.
 */
class StructureRequestsTest {
    private static final String FOLLOW = TestData.text("follow.strace");
    private static final String FOLLOW_URI = TestData.uri("follow.strace");
    private static final TextDocumentIdentifier FOLLOW_ID = new TextDocumentIdentifier(FOLLOW_URI);

    @Test
    void documentSymbolsAreProcessesWithExecsAndEvents() throws Exception {
        try (ServerConnection c = ServerConnection.start()) {
            c.initialize();
            c.open(FOLLOW_URI, 1, FOLLOW);
            List<Either<SymbolInformation, DocumentSymbol>> symbols = await(
                    c.server.getTextDocumentService().documentSymbol(new DocumentSymbolParams(FOLLOW_ID)));
            assertThat(symbols).allMatch(Either::isRight);
            DocumentSymbol sh = symbols.get(0).getRight();
            assertThat(sh.getName()).isEqualTo("pid 9614 — /usr/bin/sh");
            assertThat(sh.getKind()).isEqualTo(SymbolKind.Module);
            assertThat(sh.getDetail()).isEqualTo("sh -c 'cat /tmp/strace-ls-testdata/hell…'");
            assertThat(sh.getRange()).isEqualTo(new Range(new Position(0, 0), new Position(258, line(FOLLOW, 258).length())));
            assertThat(sh.getSelectionRange()).isEqualTo(new Range(new Position(0, 0), new Position(0, 4)));
            DocumentSymbol ls = symbols.get(3).getRight();
            assertThat(ls.getName()).isEqualTo("pid 9617 — /usr/bin/ls");
            DocumentSymbol exec = ls.getChildren().get(0);
            assertThat(exec.getKind()).isEqualTo(SymbolKind.File);
            assertThat(exec.getChildren()).extracting(DocumentSymbol::getName)
                    .containsExactly("statx → ENOENT", "statx → ENOENT", "exited with 2");
            DocumentSymbol failure = exec.getChildren().get(0);
            int errno = line(FOLLOW, 243).indexOf("ENOENT");
            assertThat(failure.getSelectionRange()).isEqualTo(new Range(new Position(243, errno), new Position(243, errno + 6)));
            assertThat(failure.getKind()).isEqualTo(SymbolKind.Function);
            assertThat(exec.getChildren().get(2).getKind()).isEqualTo(SymbolKind.Event);
        }
    }

    @Test
    void clientsWithoutHierarchyGetAFlatListWithContainers() throws Exception {
        InitializeParams params = new InitializeParams();
        TextDocumentClientCapabilities text = new TextDocumentClientCapabilities();
        text.setDocumentSymbol(new DocumentSymbolCapabilities(false));
        params.setCapabilities(new ClientCapabilities(null, text, null));
        try (ServerConnection c = ServerConnection.start()) {
            c.initialize(params);
            c.open(FOLLOW_URI, 1, FOLLOW);
            List<Either<SymbolInformation, DocumentSymbol>> symbols = await(
                    c.server.getTextDocumentService().documentSymbol(new DocumentSymbolParams(FOLLOW_ID)));
            assertThat(symbols).allMatch(Either::isLeft);
            assertThat(symbols.get(0).getLeft().getName()).isEqualTo("pid 9614 — /usr/bin/sh");
            assertThat(symbols.get(0).getLeft().getContainerName()).isNull();
            assertThat(symbols.get(1).getLeft().getName()).isEqualTo("/usr/bin/sh");
            assertThat(symbols.get(1).getLeft().getContainerName()).isEqualTo("pid 9614 — /usr/bin/sh");
            assertThat(symbols.get(1).getLeft().getLocation().getUri()).isEqualTo(FOLLOW_URI);
        }
    }

    @Test
    void foldingRangesWithTheirKindsAndCollapsedText() throws Exception {
        String plain = TestData.text("plain.strace");
        String uri = TestData.uri("plain.strace");
        try (ServerConnection c = ServerConnection.start()) {
            c.initialize();
            c.open(uri, 1, plain);
            List<FoldingRange> folds = await(c.server.getTextDocumentService()
                    .foldingRange(new FoldingRangeRequestParams(new TextDocumentIdentifier(uri))));
            assertThat(folds).extracting(f -> f.getStartLine() + "-" + f.getEndLine() + " " + f.getKind() + " " + f.getCollapsedText())
                    .containsExactly("0-47 imports dynamic loader", "11-15 region 5 × mmap", "22-26 region 5 × mmap",
                            "31-34 region 4 × mmap", "41-45 region 5 × mprotect", "60-63 region 4 × statx",
                            "64-67 region 4 × write");
            assertThat(folds.get(0).getKind()).isEqualTo(FoldingRangeKind.Imports);
        }
    }

    @Test
    void semanticTokensOfARangeDecodeToTheTokensOfItsLines() throws Exception {
        try (ServerConnection c = ServerConnection.start()) {
            c.initialize();
            c.open(FOLLOW_URI, 1, FOLLOW);
            SemanticTokens tokens = await(c.server.getTextDocumentService().semanticTokensRange(
                    new SemanticTokensRangeParams(FOLLOW_ID, new Range(new Position(4, 0), new Position(5, 0)))));
            assertThat(decode(tokens.getData(), FOLLOW)).containsExactly(
                    "4:0 namespace 9614", "4:6 function+2 openat", "4:13 enumMember AT_FDCWD",
                    "4:23 string \"/etc/ld.so.cache\"", "4:43 enumMember O_RDONLY", "4:51 operator |",
                    "4:52 enumMember O_CLOEXEC", "4:63 operator =", "4:65 variable+1 3");
        }
    }

    @Test
    void inlayHintsOfARange() throws Exception {
        try (ServerConnection c = ServerConnection.start()) {
            c.initialize();
            c.open(FOLLOW_URI, 1, FOLLOW);
            List<InlayHint> hints = await(c.server.getTextDocumentService().inlayHint(
                    new InlayHintParams(FOLLOW_ID, new Range(new Position(6, 0), new Position(6, line(FOLLOW, 6).length())))));
            // 9614  mmap(NULL, 34547, PROT_READ, MAP_PRIVATE, 3, 0) = 0x7fd1b0000000
            assertThat(hints).extracting(h -> h.getPosition().getCharacter() + " " + h.getLabel().getLeft() + " " + h.getKind())
                    .containsExactly("11 addr: Parameter", "17 length: Parameter", "24 prot: Parameter",
                            "35 flags: Parameter", "48 fd: Parameter", "49 </etc/ld.so.cache> Type", "51 offset: Parameter");
            assertThat(hints.get(0).getPaddingRight()).isTrue();
            assertThat(hints.get(5).getKind()).isEqualTo(InlayHintKind.Type);
            assertThat(hints.get(5).getTooltip().getLeft()).isEqualTo("fd 3 refers to /etc/ld.so.cache (the trace was made without -y)");
        }
    }

    @Test
    void codeLensesSummariseTheFileAndEachProcess() throws Exception {
        String tt = TestData.text("tt-T.strace");
        String uri = TestData.uri("tt-T.strace");
        try (ServerConnection c = ServerConnection.start()) {
            c.initialize();
            c.open(uri, 1, tt);
            List<? extends CodeLens> lenses = await(c.server.getTextDocumentService().codeLens(
                    new CodeLensParams(new TextDocumentIdentifier(uri))));
            assertThat(lenses).extracting(l -> l.getRange().getStart().getLine() + ": " + l.getCommand().getTitle())
                    .containsExactly("0: 4 processes · 232 syscalls · 14 failures · wall 8.2 ms · strace -f -tt -T",
                            "0: pid 9752 — /usr/bin/sh · 68 calls · 4 failed · exited with 0 · 8.2 ms",
                            "53: pid 9753 — /usr/bin/cat · 49 calls · 1 failed · exited with 0 · 1.76 ms",
                            "54: pid 9754 — /usr/bin/wc · 45 calls · 2 failed · exited with 0 · 2.9 ms",
                            "180: pid 9755 — /usr/bin/ls · 70 calls · 7 failed · exited with 2 · 2.33 ms");
            assertThat(lenses).allMatch(l -> l.getRange().getStart().equals(l.getRange().getEnd())
                    && l.getRange().getStart().getCharacter() == 0 && l.getCommand().getCommand().isEmpty());
        }
    }

    @Test
    void workspaceSymbolsSearchEveryOpenTrace() throws Exception {
        String plainUri = TestData.uri("plain.strace");
        try (ServerConnection c = ServerConnection.start()) {
            c.initialize();
            c.open(FOLLOW_URI, 1, FOLLOW);
            c.open(plainUri, 1, TestData.text("plain.strace"));
            List<Found> hits = symbols(c, "openat /etc/ld.so.cache");
            assertThat(hits).hasSize(5).allMatch(h -> h.name().equals("openat /etc/ld.so.cache")
                    && h.kind() == SymbolKind.Function);
            assertThat(hits).extracting(Found::uri).containsOnly(FOLLOW_URI, plainUri);
            Found inPlain = hits.stream().filter(h -> h.uri().equals(plainUri)).findFirst().orElseThrow();
            int quote = line(TestData.text("plain.strace"), 4).indexOf('"');
            assertThat(inPlain.range()).isEqualTo(new Range(new Position(4, quote), new Position(4, quote + 18)));
            assertThat(symbols(c, "9617")).extracting(Found::name).containsExactly("pid 9617 — /usr/bin/ls");
        }
    }

    /** A workspace symbol, whichever of the two forms the client's JSON reader took it for. */
    record Found(String name, SymbolKind kind, String uri, Range range) { }

    @SuppressWarnings("deprecation")
    static List<Found> symbols(ServerConnection c, String query) throws Exception {
        var answer = await(c.server.getWorkspaceService().symbol(new WorkspaceSymbolParams(query)));
        List<Found> found = new ArrayList<>();
        if (answer.isLeft()) {
            answer.getLeft().forEach(s -> found.add(new Found(s.getName(), s.getKind(), s.getLocation().getUri(),
                    s.getLocation().getRange())));
        } else {
            answer.getRight().forEach(s -> found.add(new Found(s.getName(), s.getKind(), s.getLocation().getLeft().getUri(),
                    s.getLocation().getLeft().getRange())));
        }
        return found;
    }

    @Test
    void positionsCountUtf16CodeUnits() throws Exception {
        // "é" is one UTF-16 unit, "😀" two: hints and tokens after them must count units
        String open = "openat(AT_FDCWD, \"/tmp/café😀\", O_RDONLY) = 3";
        String text = open + "\nread(3, \"x\", 1) = 1\n+++ exited with 0 +++\n";
        String uri = "file:///tmp/unicode-structure.strace";
        try (ServerConnection c = ServerConnection.start()) {
            c.initialize();
            c.open(uri, 1, text);
            TextDocumentIdentifier id = new TextDocumentIdentifier(uri);
            SemanticTokens tokens = await(c.server.getTextDocumentService().semanticTokensFull(new SemanticTokensParams(id)));
            List<String> decoded = decode(tokens.getData(), text);
            int flags = open.indexOf("O_RDONLY");
            assertThat(decoded).contains("0:17 string \"/tmp/café😀\"", "0:" + flags + " enumMember O_RDONLY");
            List<InlayHint> hints = await(c.server.getTextDocumentService().inlayHint(
                    new InlayHintParams(id, new Range(new Position(1, 0), new Position(1, 20)))));
            assertThat(hints).extracting(h -> h.getPosition() + " " + h.getLabel().getLeft())
                    .contains(new Position(1, 6) + " </tmp/café😀>");
        }
    }

    @Test
    void rangesOutsideTheDocumentOrBackwardsAreClampedNotErrors() throws Exception {
        try (ServerConnection c = ServerConnection.start()) {
            c.initialize();
            c.open(FOLLOW_URI, 1, FOLLOW);
            TextDocumentService docs = c.server.getTextDocumentService();
            Range beyond = new Range(new Position(250, 0), new Position(1_000_000, 5));
            Range backwards = new Range(new Position(9, 3), new Position(2, 0));
            Range negative = new Range(new Position(-4, -1), new Position(0, 3));
            assertThat(decode(await(docs.semanticTokensRange(new SemanticTokensRangeParams(FOLLOW_ID, beyond))).getData(), FOLLOW))
                    .isNotEmpty().allMatch(t -> lineOf(t) >= 250);
            assertThat(await(docs.semanticTokensRange(new SemanticTokensRangeParams(FOLLOW_ID, backwards))).getData()).isEmpty();
            assertThat(decode(await(docs.semanticTokensRange(new SemanticTokensRangeParams(FOLLOW_ID, negative))).getData(), FOLLOW))
                    .allMatch(t -> lineOf(t) == 0);
            assertThat(await(docs.inlayHint(new InlayHintParams(FOLLOW_ID, beyond)))).isNotNull();
            assertThat(await(docs.inlayHint(new InlayHintParams(FOLLOW_ID, backwards)))).isEmpty();
            assertThat(await(docs.inlayHint(new InlayHintParams(FOLLOW_ID, negative)))).isNotNull();
        }
    }

    @Test
    void requestsAboutADocumentThatIsNotOpenAnswerEmpty() throws Exception {
        TextDocumentIdentifier nowhere = new TextDocumentIdentifier("file:///never-opened.strace");
        Range range = new Range(new Position(0, 0), new Position(10, 0));
        try (ServerConnection c = ServerConnection.start()) {
            c.initialize();
            TextDocumentService docs = c.server.getTextDocumentService();
            assertThat(await(docs.documentSymbol(new DocumentSymbolParams(nowhere)))).isEmpty();
            assertThat(await(docs.foldingRange(new FoldingRangeRequestParams(nowhere)))).isEmpty();
            assertThat(await(docs.semanticTokensFull(new SemanticTokensParams(nowhere))).getData()).isEmpty();
            assertThat(await(docs.semanticTokensRange(new SemanticTokensRangeParams(nowhere, range))).getData()).isEmpty();
            assertThat(await(docs.inlayHint(new InlayHintParams(nowhere, range)))).isEmpty();
            assertThat(await(docs.codeLens(new CodeLensParams(nowhere)))).isEmpty();
            assertThat(symbols(c, "x")).isEmpty();
            c.shutdown();
        }
    }

    @Test
    void everyRequestAnswersOnEveryTestdataTraceWithRangesInsideTheDocument() throws Exception {
        try (ServerConnection c = ServerConnection.start()) {
            c.initialize();
            TextDocumentService docs = c.server.getTextDocumentService();
            for (Path file : Testdata.traces()) {
                String text = Testdata.read(file);
                String uri = file.toUri().toString();
                TextDocumentIdentifier id = new TextDocumentIdentifier(uri);
                Positions positions = Positions.of(text);
                c.open(uri, 1, text);
                for (Either<SymbolInformation, DocumentSymbol> s : await(docs.documentSymbol(new DocumentSymbolParams(id)))) {
                    inside(s.getRight(), positions, text, uri);
                }
                for (FoldingRange f : await(docs.foldingRange(new FoldingRangeRequestParams(id)))) {
                    assertThat(f.getEndLine()).as(uri).isGreaterThan(f.getStartLine()).isLessThan(positions.lineCount());
                }
                Trace trace = Trace.of(text);
                List<String> expected = expected(SemanticTokensFullOf(trace), trace, text);
                assertThat(decode(await(docs.semanticTokensFull(new SemanticTokensParams(id))).getData(), text))
                        .as(uri).isEqualTo(expected);
                int last = Math.min(199, positions.lineCount() - 1);
                Range first200 = new Range(new Position(0, 0), new Position(last, positions.lineEnd(last) - positions.lineStart(last)));
                List<String> range = decode(await(docs.semanticTokensRange(new SemanticTokensRangeParams(id, first200))).getData(), text);
                assertThat(range).as(uri).isEqualTo(expected.stream().filter(t -> lineOf(t) <= 199).toList());
                Range all = new Range(new Position(0, 0), positions.position(text.length()));
                for (InlayHint h : await(docs.inlayHint(new InlayHintParams(id, all)))) {
                    inside(h.getPosition(), positions, text, uri);
                }
                for (CodeLens l : await(docs.codeLens(new CodeLensParams(id)))) {
                    inside(l.getRange().getStart(), positions, text, uri);
                }
            }
            List<Found> execs = symbols(c, "execve");
            assertThat(execs).hasSizeGreaterThan(Testdata.traces().size() / 2); // nearly every trace starts with one
            for (Found s : execs) {
                String text = Testdata.read(Path.of(java.net.URI.create(s.uri())));
                inside(s.range().getEnd(), Positions.of(text), text, s.uri());
            }
        }
    }

    private static TokenList SemanticTokensFullOf(Trace trace) {
        return org.stracels.structure.SemanticTokens.full(trace, CancelCheck.NONE);
    }

    private static void inside(DocumentSymbol s, Positions positions, String text, String uri) {
        inside(s.getRange().getStart(), positions, text, uri);
        inside(s.getRange().getEnd(), positions, text, uri);
        inside(s.getSelectionRange().getEnd(), positions, text, uri);
        assertThat(s.getName()).isNotBlank();
        for (DocumentSymbol child : s.getChildren()) {
            inside(child, positions, text, uri);
        }
    }

    private static void inside(Position p, Positions positions, String text, String uri) {
        assertThat(p.getLine()).as(uri + " " + p).isBetween(0, positions.lineCount() - 1);
        assertThat(p.getCharacter()).as(uri + " " + p)
                .isBetween(0, positions.lineEnd(p.getLine()) - positions.lineStart(p.getLine()));
    }

    /** The core's tokens in the form {@link #decode} writes. */
    private static List<String> expected(TokenList tokens, Trace trace, String text) {
        List<String> out = new ArrayList<>();
        for (TokenList.Token t : tokens.asList()) {
            int character = t.start() - trace.parsed().lineStart(t.line());
            out.add(t.line() + ":" + character + " " + t.type().legendName() + (t.modifiers() != 0 ? "+" + t.modifiers() : "")
                    + " " + text.substring(t.start(), t.end()));
        }
        return out;
    }

    /** LSP's relative encoding read back: "line:character type[+modifiers] text", the text cut from the document. */
    static List<String> decode(List<Integer> data, String text) {
        Positions positions = Positions.of(text);
        TokenType[] types = TokenType.values();
        List<String> out = new ArrayList<>();
        int line = 0;
        int character = 0;
        for (int i = 0; i + 4 < data.size(); i += 5) {
            int deltaLine = data.get(i);
            line += deltaLine;
            character = deltaLine == 0 ? character + data.get(i + 1) : data.get(i + 1);
            int start = positions.lineStart(line) + character;
            String covered = text.substring(start, start + data.get(i + 2));
            int modifiers = data.get(i + 4);
            out.add(line + ":" + character + " " + types[data.get(i + 3)].legendName() + (modifiers != 0 ? "+" + modifiers : "")
                    + " " + covered);
        }
        return out;
    }

    private static int lineOf(String decoded) {
        return Integer.parseInt(decoded.substring(0, decoded.indexOf(':')));
    }

    private static String line(String text, int i) {
        return text.split("\n", -1)[i];
    }
}
