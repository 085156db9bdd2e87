package org.stracels.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.DocumentHighlight;
import org.eclipse.lsp4j.DocumentHighlightKind;
import org.eclipse.lsp4j.DocumentHighlightParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ReferenceContext;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.junit.jupiter.api.Test;

/** Definition, references and highlights end to end: the real protocol on pipes, a real trace. */
class NavigationProtocolTest {
    private static final String NAME = "fdlife-y.strace";
    private static final String TEXT = TestData.text(NAME);
    private static final String URI = TestData.uri(NAME);
    private static final String[] LINES = TEXT.split("\n", -1);

    @Test
    void definitionOfADupGoesToTheDupAndToTheOriginal() throws Exception {
        try (ServerConnection c = open()) {
            int write = line("write(5<", "\"c\"");
            List<Location> found = definition(c, URI, new Position(write, column(write, "write(5") + 6));
            int dup2 = line("dup2(3<", "");
            int a = line("openat(", "fdlife-a.txt");
            assertThat(found).containsExactly(new Location(URI, result(dup2, "5")), new Location(URI, result(a, "3")));
        }
    }

    @Test
    void referencesCoverTheFdFromItsOpenToItsEnd() throws Exception {
        try (ServerConnection c = open()) {
            int open = line("openat(", "\"/dev/null\"");
            int write = line("write(5<", "\"null\"");
            int dup2 = line("dup2(3<", "");
            Position cursor = new Position(write, column(write, "write(5") + 6);
            Range made = result(open, "5");
            Range written = new Range(new Position(write, column(write, "write(5") + 6), new Position(write, column(write, "write(5") + 7));
            int second = LINES[dup2].indexOf(", 5<") + 2;
            Range replaced = new Range(new Position(dup2, second), new Position(dup2, second + 1));

            assertThat(references(c, cursor, true)).containsExactly(new Location(URI, made), new Location(URI, written),
                    new Location(URI, replaced));
            assertThat(references(c, cursor, false)).containsExactly(new Location(URI, written), new Location(URI, replaced));

            List<DocumentHighlight> highlights = List.copyOf(c.server.getTextDocumentService()
                    .documentHighlight(new DocumentHighlightParams(new TextDocumentIdentifier(URI), cursor))
                    .get(TestData.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
            assertThat(highlights).containsExactly(new DocumentHighlight(made, DocumentHighlightKind.Write),
                    new DocumentHighlight(written, DocumentHighlightKind.Read),
                    new DocumentHighlight(replaced, DocumentHighlightKind.Read));
        }
    }

    @Test
    void definitionGoesBetweenTheHalvesOfACutCall() throws Exception {
        try (ServerConnection c = open()) {
            int unfinished = line("read(7<", "<unfinished ...>");
            int resumed = line("<... read resumed>\"hi\"", "");
            Range whole = new Range(new Position(resumed, 0), new Position(resumed, LINES[resumed].length()));
            int marker = column(unfinished, "<unfinished");
            assertThat(definition(c, URI, new Position(unfinished, marker + 3))).containsExactly(new Location(URI, whole));
            int name = column(resumed, "read resumed");
            assertThat(definition(c, URI, new Position(resumed, name))).containsExactly(new Location(URI,
                    new Range(new Position(unfinished, 0), new Position(unfinished, LINES[unfinished].length()))));
        }
    }

    @Test
    void positionsCountUtf16UnitsAndUnopenedDocumentsAnswerEmpty() throws Exception {
        String text = "openat(AT_FDCWD, \"/tmp/😀é\", O_RDONLY) = 3</tmp/😀é>\n"
                + "read(3</tmp/😀é>, \"\", 16) = 0\n"
                + "close(3</tmp/😀é>) = 0\n";
        String uri = "file:///tmp/nav-utf16.strace";
        try (ServerConnection c = ServerConnection.start()) {
            c.initialize();
            c.open(uri, 1, text);
            String first = text.substring(0, text.indexOf('\n'));
            int three = first.indexOf("= 3") + 2; // UTF-16 index: the emoji counts 2
            assertThat(definition(c, uri, new Position(2, "close(".length())))
                    .containsExactly(new Location(uri, new Range(new Position(0, three), new Position(0, three + 1))));

            String other = "file:///tmp/never-opened.strace";
            assertThat(definition(c, other, new Position(0, 0))).isEmpty();
            assertThat(c.server.getTextDocumentService().references(new ReferenceParams(new TextDocumentIdentifier(other),
                    new Position(0, 0), new ReferenceContext(true))).get(TestData.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS))
                    .isEmpty();
            assertThat(c.server.getTextDocumentService().documentHighlight(new DocumentHighlightParams(
                    new TextDocumentIdentifier(other), new Position(0, 0))).get(TestData.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS))
                    .isEmpty();
        }
    }

    @Test
    void inAnFfTraceACloneResultGoesToTheChildsFile() throws Exception {
        java.nio.file.Path folder = TestData.path("fdlife-ff");
        java.nio.file.Path main;
        try (var files = java.nio.file.Files.list(folder)) {
            main = files.filter(p -> TestData.text("fdlife-ff/" + p.getFileName()).startsWith("execve(")).findFirst()
                    .orElseThrow();
        }
        String text = TestData.text("fdlife-ff/" + main.getFileName());
        String[] lines = text.split("\n", -1);
        int clone = 0;
        while (!lines[clone].startsWith("clone(")) {
            clone++;
        }
        String child = lines[clone].substring(lines[clone].lastIndexOf("= ") + 2);
        java.nio.file.Path childFile = main.resolveSibling(main.getFileName().toString().replaceAll("\\d+$", child));
        String childFirst = java.nio.file.Files.readString(childFile).split("\n", -1)[0];
        try (ServerConnection c = ServerConnection.start()) {
            c.initialize();
            String uri = main.toUri().toString();
            c.open(uri, 1, text);
            assertThat(definition(c, uri, new Position(clone, lines[clone].length() - 1))).containsExactly(new Location(
                    childFile.toUri().toString(), new Range(new Position(0, 0), new Position(0, childFirst.length()))));
        }
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private static ServerConnection open() throws Exception {
        ServerConnection c = ServerConnection.start();
        c.initialize();
        c.open(URI, 1, TEXT);
        return c;
    }

    private static List<Location> definition(ServerConnection c, String uri, Position position) throws Exception {
        return List.copyOf(c.server.getTextDocumentService().definition(new DefinitionParams(new TextDocumentIdentifier(uri), position))
                .get(TestData.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).getLeft());
    }

    private static List<Location> references(ServerConnection c, Position position, boolean declaration)
            throws Exception {
        return List.copyOf(c.server.getTextDocumentService().references(new ReferenceParams(new TextDocumentIdentifier(URI), position,
                new ReferenceContext(declaration))).get(TestData.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
    }

    /** The one line containing both strings. */
    private static int line(String a, String b) {
        int found = -1;
        for (int i = 0; i < LINES.length; i++) {
            if (LINES[i].contains(a) && LINES[i].contains(b)) {
                assertThat(found).as(a + " " + b + " on more than one line").isEqualTo(-1);
                found = i;
            }
        }
        assertThat(found).as(a + " " + b).isNotNegative();
        return found;
    }

    private static int column(int line, String s) {
        int c = LINES[line].indexOf(s);
        assertThat(c).as(s + " on line " + line).isNotNegative();
        return c;
    }

    /** The range of the returned fd {@code fd} in {@code = fd<…>} on {@code line}. */
    private static Range result(int line, String fd) {
        int c = LINES[line].lastIndexOf(") = " + fd + "<") + 4;
        assertThat(c).isGreaterThan(3);
        return new Range(new Position(line, c), new Position(line, c + fd.length()));
    }
}
