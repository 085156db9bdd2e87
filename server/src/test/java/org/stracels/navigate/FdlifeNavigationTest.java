package org.stracels.navigate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.stracels.Testdata;
import org.stracels.analysis.Trace;
import org.stracels.parse.ArgKind;
import org.stracels.parse.ArgNode;
import org.stracels.parse.ArgParser;
import org.stracels.parse.CancelCheck;
import org.stracels.parse.ParsedLine;

/**
 * Navigation on the real traces of testdata/src/fdlife.c, plain, -y and -yy: the same program, so the same
 * answers. Lines are found by what they say; expected places are the fd numbers (or results) on them.
 */
class FdlifeNavigationTest {
    private Trace trace;

    private void load(String file) {
        trace = Trace.of(Testdata.read(file));
    }

    @ParameterizedTest
    @ValueSource(strings = {"fdlife.strace", "fdlife-y.strace", "fdlife-yy.strace"})
    void dup2OverAnOpenFdEndsItsLife(String file) {
        load(file);
        int open = line("openat\\(.*\"/dev/null\"");
        int write = line("write\\(5.*\"null\"");
        int dup2 = line("dup2\\(3");
        assertThat(definition(fd(write, 5))).containsExactly(result(open));
        // the /dev/null fd: made, written, then replaced by dup2 (its second argument) and never seen again
        assertThat(references(fd(write, 5), true)).containsExactly(result(open), fd(write, 5), fd(dup2, 5));
        assertThat(references(fd(write, 5), false)).containsExactly(fd(write, 5), fd(dup2, 5));
    }

    @ParameterizedTest
    @ValueSource(strings = {"fdlife.strace", "fdlife-y.strace", "fdlife-yy.strace"})
    void aDupGoesToTheDupAndToTheOriginal(String file) {
        load(file);
        int a = line("openat\\(.*fdlife-a.txt");
        assertThat(definition(fd(line("write\\(5.*\"c\""), 5))).containsExactly(result(line("dup2\\(3")), result(a));
        assertThat(definition(fd(line("write\\(6.*\"dd\""), 6)))
                .containsExactly(result(line("dup\\(4")), result(line("openat\\(.*fdlife-b.txt")));
        int fcntl = line("fcntl\\(3.*F_DUPFD_CLOEXEC");
        assertThat(definition(fd(line("write\\(11.*\"d\""), 11))).containsExactly(result(fcntl), result(a));
    }

    @ParameterizedTest
    @ValueSource(strings = {"fdlife.strace", "fdlife-y.strace", "fdlife-yy.strace"})
    void closeOnExecFdsEndAtExecveOthersCrossIt(String file) {
        load(file);
        int a = line("openat\\(.*fdlife-a.txt");
        int fcntl = line("fcntl\\(3.*F_DUPFD_CLOEXEC");
        // the child before its execve still has the close-on-exec copy
        assertThat(definition(fd(line("write\\(11.*\"before exec\""), 11))).containsExactly(result(fcntl), result(a));
        // after execve: fd 3 (no O_CLOEXEC) is still the parent's file; fd 11 is gone (EBADF, no definition)
        assertThat(definition(fd(line("write\\(3.*\"c\", 1\\)"), 3))).containsExactly(result(a));
        int ebadf = line("write\\(11, \"c\".*EBADF");
        assertThat(definition(fd(ebadf, 11))).isEmpty();
        // a fork without exec keeps the close-on-exec fds
        assertThat(definition(fd(line("write\\(11.*\"fork\""), 11))).containsExactly(result(fcntl), result(a));
        int hello = line("= 6(<.*)?$", "openat\\(.*hello.txt");
        assertThat(definition(fd(line("read\\(6.*hello, strace"), 6))).containsExactly(result(hello));
    }

    @ParameterizedTest
    @ValueSource(strings = {"fdlife.strace", "fdlife-y.strace", "fdlife-yy.strace"})
    void aNumberReusedAfterCloseIsANewFd(String file) {
        load(file);
        int b = line("openat\\(.*fdlife-b.txt");
        int reused = line("= 4(<.*)?$", "openat\\(.*hello.txt");
        assertThat(definition(fd(line("read\\(4"), 4))).containsExactly(result(reused));
        // fdlife-b's fd 4: from its openat to its close, nothing after
        assertThat(references(result(b), true)).containsExactly(result(b), fd(line("write\\(4.*\"b\""), 4),
                fd(line("dup\\(4"), 4), fd(nth("close\\(4", 0), 4));
    }

    @ParameterizedTest
    @ValueSource(strings = {"fdlife.strace", "fdlife-y.strace", "fdlife-yy.strace"})
    void aPipeIsSharedByParentAndChild(String file) {
        load(file);
        int pipe = line("pipe2\\(\\[7");
        int childWrite = line("write\\(8.*\"hi\"");
        assertThat(definition(fd(childWrite, 8))).containsExactly(fd(pipe, 8));
        int parentClose = after(pipe, pid(pipe), "close\\(8");
        assertThat(references(fd(childWrite, 8), true)).containsExactly(fd(pipe, 8), fd(parentClose, 8), fd(childWrite, 8));
        int childClose = after(pipe, pid(childWrite), "close\\(7");
        int read = line("read\\(7[,<]");
        assertThat(references(fd(read, 7), true)).containsExactly(fd(pipe, 7), fd(childClose, 7), fd(read, 7));
    }

    @ParameterizedTest
    @ValueSource(strings = {"fdlife.strace", "fdlife-y.strace", "fdlife-yy.strace"})
    void threadsShareTheTable(String file) {
        load(file);
        int open = line("openat\\(.*fdlife-thread.txt");
        int main = line("write\\(8.*\"main");
        assertThat(pid(open)).isNotEqualTo(pid(main));
        assertThat(definition(fd(main, 8))).containsExactly(result(open));
        assertThat(references(fd(main, 8), true)).containsExactly(result(open), fd(line("write\\(8.*\"thread"), 8),
                fd(main, 8), fd(after(main, pid(main), "close\\(8"), 8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"fdlife.strace", "fdlife-y.strace", "fdlife-yy.strace"})
    void fdsPassedWithScmRightsAndFdsInsideStructures(String file) {
        load(file);
        int recvmsg = line("recvmsg\\(9");
        assertThat(definition(fd(line("write\\(8.*\"received\""), 8))).containsExactly(fd(recvmsg, 8));
        int sendmsg = line("sendmsg\\(8");
        assertThat(definition(fd(sendmsg, 3))).containsExactly(result(line("openat\\(.*fdlife-a.txt")));
        int pipe = line("pipe2\\(\\[8");
        int hello = line("= 4(<.*)?$", "openat\\(.*hello.txt");
        int poll = line("poll\\(");
        int select = line("pselect6\\(");
        assertThat(definition(fd(poll, 8))).containsExactly(fd(pipe, 8));
        assertThat(definition(fd(poll, 4))).containsExactly(result(hello));
        assertThat(definition(fd(select, 8))).containsExactly(fd(pipe, 8));
        assertThat(definition(fd(select, 4))).containsExactly(result(hello));
        // close_range(8, 9) ends the second pipe: no use after it
        assertThat(references(fd(pipe, 8), true)).containsExactly(fd(pipe, 8), fd(poll, 8), fd(select, 8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"fdlife.strace", "fdlife-y.strace", "fdlife-yy.strace"})
    void pidsGoToTheCloneThatMadeTheProcessAndBack(String file) {
        load(file);
        int clone = nth("clone\\(child_stack=NULL", 1); // the fork without exec
        int cloneResult = result(clone);
        int child = Integer.parseInt(trace.text().substring(cloneResult, Cursor.number(trace.text(), cloneResult).end()));
        int first = after(clone, child, "");
        int exited = after(first, child, "\\+\\+\\+ exited");
        // the child's pid on any of its lines, in wait4 and in SIGCHLD's si_pid: the clone's result
        assertThat(definition(lineStart(first))).containsExactly(cloneResult);
        assertThat(definition(lineStart(exited) + 1)).as("the pid prefix of the exit line").containsExactly(cloneResult);
        int wait = after(clone, pid(clone), "wait4\\(" + child);
        assertThat(definition(trace.text().indexOf(Integer.toString(child), lineStart(wait) + 6))).containsExactly(cloneResult);
        int sigchld = after(wait, pid(clone), "si_pid=" + child);
        assertThat(definition(trace.text().indexOf("si_pid=", lineStart(sigchld)) + 7)).containsExactly(cloneResult);
        // the clone's result and the exit line: the child's first line
        assertThat(definition(cloneResult)).containsExactly(lineStart(first));
        assertThat(definition(trace.text().indexOf("exited", lineStart(exited)))).containsExactly(lineStart(first));
        // the first process was made by no call in the trace: its pid goes to its first line
        assertThat(definition(lineStart(0))).containsExactly(lineStart(0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"fdlife.strace", "fdlife-y.strace", "fdlife-yy.strace"})
    void theHalvesOfACutCallLeadToEachOther(String file) {
        load(file);
        int unfinished = line("read\\(7.*<unfinished \\.\\.\\.>$");
        int resumed = line("<\\.\\.\\. read resumed>\"hi\"");
        int marker = trace.text().indexOf("<unfinished", lineStart(unfinished));
        assertThat(definition(marker + 2)).containsExactly(lineStart(resumed));
        assertThat(definition(trace.text().indexOf("read", lineStart(unfinished)))).containsExactly(lineStart(resumed));
        assertThat(definition(trace.text().indexOf("read resumed", lineStart(resumed)))).containsExactly(lineStart(unfinished));
        assertThat(references(marker, true)).containsExactly(lineStart(unfinished), lineStart(resumed));
    }

    @ParameterizedTest
    @ValueSource(strings = {"fdlife.strace", "fdlife-y.strace", "fdlife-yy.strace"})
    void addressesGoToTheMappingThatHoldsThem(String file) {
        load(file);
        int mmap = nth("mmap\\(NULL, 12288, PROT_READ\\|PROT_WRITE, MAP_PRIVATE\\|MAP_ANONYMOUS", countOf("mmap\\(NULL, 12288, PROT_READ\\|PROT_WRITE, MAP_PRIVATE\\|MAP_ANONYMOUS") - 1);
        int mapped = result(mmap);
        for (String call : new String[] {"mprotect", "madvise", "munmap"}) {
            int l = after(mmap, pid(mmap), call + "\\(");
            assertThat(definition(address(l))).as(call).containsExactly(mapped);
        }
        int second = after(after(mmap, pid(mmap), "munmap\\("), pid(mmap), "munmap\\(");
        assertThat(definition(address(second))).containsExactly(mapped);
        // a thread's madvise of its stack: the mmap its creator made (threads share the address space)
        int stack = line("MAP_STACK");
        int madvise = line("madvise\\(.*MADV_DONTNEED", "8368128");
        assertThat(pid(madvise)).isNotEqualTo(pid(stack));
        assertThat(definition(address(madvise))).containsExactly(result(stack));
        // shrinking the break: the brk that had moved it past that address
        int grow = after(second, pid(mmap), "brk\\(0x");
        int shrink = after(grow, pid(mmap), "brk\\(0x");
        assertThat(definition(address(shrink))).containsExactly(result(grow));
        // after execve, a new address space: the child's munmap of the loader cache goes to its own mmap
        int exec = line("execve\\(\"/proc/self/exe");
        int unmap = after(exec, pid(exec), "munmap\\(");
        int target = trace.parsed().lineAt(definition(address(unmap)).get(0));
        assertThat(target).isGreaterThan(exec).isLessThan(unmap);
        assertThat(pid(target)).isEqualTo(pid(exec));
        assertThat(text(target)).contains("mmap(NULL, " + text(unmap).replaceAll(".*, (\\d+)\\).*", "$1"));
    }

    // ---- helpers ---------------------------------------------------------------------------------

    /** The one line matching {@code regex} (find). */
    private int line(String regex) {
        return line(regex, "");
    }

    /** The one line matching both. */
    private int line(String regex, String also) {
        List<Integer> found = lines(regex, also);
        assertThat(found).as(regex + " and " + also).hasSize(1);
        return found.get(0);
    }

    /** The {@code k}-th line (0-based) matching {@code regex}. */
    private int nth(String regex, int k) {
        List<Integer> found = lines(regex, "");
        assertThat(found).as(regex).hasSizeGreaterThan(k);
        return found.get(k);
    }

    private List<Integer> lines(String regex, String also) {
        Pattern p = Pattern.compile(regex);
        Pattern o = Pattern.compile(also);
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i < trace.parsed().lineCount(); i++) {
            String text = text(i);
            if (p.matcher(text).find() && o.matcher(text).find()) {
                found.add(i);
            }
        }
        return found;
    }

    private int countOf(String regex) {
        return lines(regex, "").size();
    }

    private int lineStart(int line) {
        return trace.parsed().lineStart(line);
    }

    /** Offset of the address argument (the first) of the call on {@code line}. */
    private int address(int line) {
        return trace.text().indexOf("(0x", trace.parsed().lineStart(line)) + 1;
    }

    private String text(int i) {
        return trace.text().substring(trace.parsed().lineStart(i), trace.parsed().lineEnd(i));
    }

    private int pid(int line) {
        return trace.parsed().pid(line);
    }

    /** Offset of the first fd number {@code fd} in the arguments of {@code line} (in structures too). */
    private int fd(int line, long fd) {
        ParsedLine parsed = trace.parsed().line(line);
        for (ArgNode arg : ArgParser.parse(trace.text(), parsed.argsSpan()).nodes()) {
            int found = find(arg, fd);
            if (found >= 0) {
                return found;
            }
        }
        throw new AssertionError("no fd " + fd + " on line " + (line + 1) + ": " + text(line));
    }

    private static int find(ArgNode node, long fd) {
        if (node.kind() == ArgKind.FD) {
            return node.fdNumber().orElse(-1) == fd ? node.value().start() : -1;
        }
        if (node.kind() == ArgKind.NUMBER) {
            return node.numericValue().orElse(-1) == fd ? node.start() : -1;
        }
        for (ArgNode child : node.children()) {
            int found = find(child, fd);
            if (found >= 0) {
                return found;
            }
        }
        return -1;
    }

    /** Offset of the result of the call on {@code line} (on its resumed half if it was cut). */
    private int result(int line) {
        int exit = trace.parsed().kind(line) == org.stracels.parse.LineKind.UNFINISHED ? trace.model().partner(line) : line;
        return trace.parsed().line(exit).returnValueSpan().start();
    }

    /** The first line after {@code from} matching {@code regex}, printed by process {@code pid}. */
    private int after(int from, int pid, String regex) {
        Pattern p = Pattern.compile(regex);
        for (int i = from + 1; i < trace.parsed().lineCount(); i++) {
            if (pid(i) == pid && p.matcher(text(i)).find()) {
                return i;
            }
        }
        throw new AssertionError("no " + regex + " after line " + (from + 1));
    }

    private List<Integer> definition(int offset) {
        return starts(Definition.find(trace, offset, CancelCheck.NONE));
    }

    private List<Integer> references(int offset, boolean declaration) {
        return starts(References.find(trace, offset, declaration, CancelCheck.NONE));
    }

    private static List<Integer> starts(List<Place> places) {
        return places.stream().map(Place::start).toList();
    }
}
