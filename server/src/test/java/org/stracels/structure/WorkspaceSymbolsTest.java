package org.stracels.structure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.stracels.Testdata;
import org.stracels.analysis.Trace;
import org.stracels.parse.CancelCheck;

/** workspace/symbol queries on follow.strace, each hit written as "name [container] «text it points at»". */
class WorkspaceSymbolsTest {
    private static final String TEXT = Testdata.read("follow.strace");
    private static final Trace TRACE = Trace.of(TEXT);

    @Test
    void aPidFindsItsProcess() {
        assertThat(search("9615")).containsExactly("PROCESS pid 9615 — /usr/bin/cat [] «9615»");
    }

    @Test
    void aSyscallAndAPathFindTheCallsOfThatSyscallNamingIt() {
        assertThat(search("openat /etc")).containsExactly(
                "CALL openat /etc/ld.so.cache [pid 9614 — /usr/bin/sh] «\"/etc/ld.so.cache\"»",
                "CALL openat /etc/ld.so.cache [pid 9615 — /usr/bin/cat] «\"/etc/ld.so.cache\"»",
                "CALL openat /etc/ld.so.cache [pid 9616 — /usr/bin/wc] «\"/etc/ld.so.cache\"»",
                "CALL openat /etc/ld.so.cache [pid 9617 — /usr/bin/ls] «\"/etc/ld.so.cache\"»");
    }

    @Test
    void aSyscallAloneFindsEachOfItsCalls() {
        List<String> hits = search("statx");
        assertThat(hits).hasSize((int) TEXT.lines().filter(l -> l.contains(" statx(")).count());
        assertThat(hits).allMatch(h -> h.startsWith("CALL statx ") && h.endsWith("«statx»"));
    }

    @Test
    void aProgramNameFindsProcessesAndTheCallsNamingIt() {
        assertThat(search("bin/wc")).containsExactly("PROCESS pid 9616 — /usr/bin/wc [] «9616»",
                "CALL newfstatat /usr/bin/wc [pid 9614 — /usr/bin/sh] «\"/usr/bin/wc\"»",
                "CALL execve /usr/bin/wc [pid 9616 — /usr/bin/wc] «\"/usr/bin/wc\"»");
    }

    @Test
    void aStringIsFoundAsStracePrintedIt() {
        assertThat(search("hello, strace")).contains(
                "CALL read hello, strace-ls\\n [pid 9615 — /usr/bin/cat] «\"hello, strace-ls\\n\"»");
    }

    @Test
    void anEmptyQueryListsTheProcessesAndTheLimitHolds() {
        assertThat(search("")).hasSize(4).allMatch(h -> h.startsWith("PROCESS "));
        assertThat(WorkspaceSymbols.search(TRACE, "mmap", 3, CancelCheck.NONE)).hasSize(3);
    }

    @Test
    void numbersAndNamesInsideArgumentsAreNotPaths() {
        assertThat(search("O_CLOEXEC")).isEmpty();
        assertThat(search("x")).isEmpty(); // one letter is too short to look for
    }

    @Test
    void fdPathsOfYTracesAreFound() {
        // yy.strace, line 9: read(3</usr/lib/x86_64-linux-gnu/libc.so.6>, "\177ELF…", 832)
        String text = Testdata.read("yy.strace");
        List<WorkspaceSymbols.Hit> hits = WorkspaceSymbols.search(Trace.of(text), "read /usr/lib", 10, CancelCheck.NONE);
        assertThat(hits).extracting(WorkspaceSymbols.Hit::name).containsExactly("read /usr/lib/x86_64-linux-gnu/libc.so.6");
        assertThat(text.substring(hits.get(0).start(), hits.get(0).end())).isEqualTo("/usr/lib/x86_64-linux-gnu/libc.so.6");
    }

    private static List<String> search(String query) {
        return WorkspaceSymbols.search(TRACE, query, 500, CancelCheck.NONE).stream()
                .map(h -> h.kind() + " " + h.name() + " [" + h.container() + "] «" + TEXT.substring(h.start(), h.end()) + "»")
                .toList();
    }
}
