package org.stracels.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.stracels.catalog.Catalog;
import org.stracels.catalog.SyscallDoc;

/**
 * {@link FdCalls} is the one home of the fd vocabulary; the catalogue's {@code returnsFd}, written for the
 * hover texts, must say the same of every syscall it documents (the calls whose command decides, fcntl and
 * bpf, are documented as not returning one).
 */
class FdVocabularyTest {

    @Test
    void theCatalogueAndFdCallsAgreeOnWhichCallsReturnAnFd() {
        Set<String> disagree = new TreeSet<>();
        Set<String> conditional = Set.of("fcntl", "fcntl64", "bpf");
        for (var e : Catalog.get().syscalls().entrySet()) {
            String name = e.getKey();
            SyscallDoc doc = e.getValue();
            boolean modelSays = FdCalls.mayReturnFd(name) && !conditional.contains(name);
            if (doc != null && doc.returnsFd() != modelSays) {
                disagree.add(name);
            }
        }
        assertThat(disagree).isEmpty();
    }

    @Test
    void dupsAndPairsAreFdCalls() {
        for (String dup : new String[] {"dup", "dup2", "dup3", "fcntl"}) {
            assertThat(FdCalls.isDup(dup)).isTrue();
            assertThat(FdCalls.mayReturnFd(dup)).isTrue();
        }
        assertThat(FdCalls.makesPair("pipe2")).isTrue();
        assertThat(FdCalls.makesPair("socketpair")).isTrue();
        assertThat(FdCalls.makesPair("openat")).isFalse();
        assertThat(FdCalls.isDup("openat")).isFalse();
    }
}
