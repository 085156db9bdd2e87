package org.stracels.hover;

import java.util.HashMap;
import java.util.Map;
import org.stracels.analysis.ProcessInfo;
import org.stracels.parse.ArgKind;
import org.stracels.parse.ArgList;
import org.stracels.parse.ArgNode;
import org.stracels.parse.ArgParser;
import org.stracels.parse.ParsedLine;

/**
 * Who or what sent the signal of a {@code --- SIG… {…} ---} line, read from its siginfo: {@code si_code} decides
 * whether there is a sender process at all ({@code SI_USER}, {@code SI_TKILL}, {@code SI_QUEUE}), a timer
 * ({@code SI_TIMER}), the kernel ({@code SI_KERNEL}, faults), or a child's change of state ({@code CLD_*}).
 */
final class SignalSender {
    private SignalSender() {
    }

    /** The sentence, or null when the line has no siginfo with a {@code si_code}. */
    static String describe(HoverContext ctx) {
        ParsedLine line = ctx.line();
        if (!line.argsSpan().isPresent()) {
            return null;
        }
        Map<String, String> fields = new HashMap<>();
        ArgList args = ArgParser.parse(ctx.text(), line.argsSpan());
        for (ArgNode node : args.nodes()) {
            collect(node, fields);
        }
        String code = fields.get("si_code");
        if (code == null) {
            return null;
        }
        String signal = line.name();
        String pid = fields.get("si_pid");
        String status = fields.get("si_status");
        ProcessInfo receiver = ctx.process();
        boolean known = receiver != null && receiver.pid() > 0;
        boolean self = pid != null && known && pid.equals(Integer.toString(receiver.pid()));
        return switch (code) {
            case "SI_USER" -> !self ? "Sent with `kill()`" + sender(ctx, pid, known) + "."
                    : "SIGPIPE".equals(signal) ? "Raised by the kernel on this process's behalf (its own pid is the"
                            + " sender): it wrote to a pipe or socket whose reading end is closed."
                    : "SIGXFSZ".equals(signal) ? "Raised by the kernel on this process's behalf (its own pid is the"
                            + " sender): a write went past the file size limit (`RLIMIT_FSIZE`)."
                    : "Sent by this process itself, with `kill()` on its own pid or on its process group.";
            case "SI_TKILL" -> self
                    ? "Sent by this process to one of its own threads with `tgkill()`: `raise()`, `abort()` and"
                            + " `pthread_kill()` work this way."
                    : "Sent to this one thread with `tgkill()`/`tkill()`" + sender(ctx, pid, known) + ".";
            case "SI_QUEUE" -> "Sent with `sigqueue()`" + sender(ctx, pid, known) + ", carrying the value in `si_int`/`si_ptr`.";
            case "SI_TIMER" -> "Sent by a POSIX timer of this process (`timer_create` with `SIGEV_SIGNAL`, timer "
                    + fields.getOrDefault("si_timerid", "?") + ") when it expired: no process sent it, and the"
                    + " siginfo has no `si_pid`.";
            case "SI_KERNEL" -> "Sent by the kernel, not by a process: " + kernelReason(signal)
                    + " (strace's own `-e inject=…:signal=` also shows this way).";
            case "SI_MESGQ" -> "Sent by the kernel when a message arrived on an empty POSIX message queue this process"
                    + " had asked to be notified about (`mq_notify`).";
            case "SI_ASYNCIO" -> "Sent when an asynchronous I/O request (POSIX AIO) completed.";
            case "SI_SIGIO" -> "Sent by the kernel for queued I/O readiness (`F_SETSIG`).";
            case "SI_DETHREAD" -> "Sent by the kernel while another thread's `execve` ended this thread.";
            case "SI_ASYNCNL" -> "Sent when an asynchronous name lookup (`getaddrinfo_a`) completed.";
            case "CLD_EXITED" -> "Sent by the kernel because child " + child(ctx, pid) + " exited"
                    + (status != null ? " with status " + status : "") + ".";
            case "CLD_KILLED" -> "Sent by the kernel because child " + child(ctx, pid) + " was killed"
                    + (status != null ? " by " + status : "") + ".";
            case "CLD_DUMPED" -> "Sent by the kernel because child " + child(ctx, pid) + " was killed"
                    + (status != null ? " by " + status : "") + " and dumped core.";
            case "CLD_STOPPED" -> "Sent by the kernel because child " + child(ctx, pid) + " stopped"
                    + (status != null ? " (" + status + ")" : "") + ".";
            case "CLD_CONTINUED" -> "Sent by the kernel because child " + child(ctx, pid) + " was continued by `SIGCONT`.";
            case "CLD_TRAPPED" -> "Sent by the kernel because traced child " + child(ctx, pid) + " stopped for its tracer.";
            default -> fault(code);
        };
    }

    private static void collect(ArgNode node, Map<String, String> fields) {
        if (node.kind() == ArgKind.FIELD && node.name() != null && !node.children().isEmpty()) {
            fields.putIfAbsent(node.name(), node.children().get(0).text());
        }
        if (node.kind() == ArgKind.STRUCT) {
            for (ArgNode child : node.children()) {
                collect(child, fields);
            }
        }
    }

    private static String sender(HoverContext ctx, String pid, boolean tracePids) {
        if (pid == null) {
            return "";
        }
        ProcessInfo p = ProcessHover.findByPid(ctx, ResultHover.parseInt(pid), ctx.lineIndex());
        String program = p == null || p.execs().isEmpty() ? null : p.execs().get(p.execs().size() - 1).path();
        String who = program != null ? " (" + Md.tick(program) + ")" : p == null && tracePids ? " (not traced here)" : "";
        return " by " + (tracePids ? "another process, " : "") + "pid " + pid + who;
    }

    private static String child(HoverContext ctx, String pid) {
        return pid == null ? "a child" : "pid " + pid;
    }

    private static String kernelReason(String signal) {
        if (signal == null) {
            return "the kernel raised it itself";
        }
        return switch (signal) {
            case "SIGALRM" -> "`alarm()` or `setitimer(ITIMER_REAL)` expired";
            case "SIGVTALRM", "SIGPROF" -> "an interval timer (`setitimer`) expired";
            case "SIGINT", "SIGQUIT", "SIGTSTP" -> "the terminal driver, for a key typed at the terminal (Ctrl-C, Ctrl-\\, Ctrl-Z)";
            case "SIGWINCH" -> "the terminal driver, because the window size changed";
            case "SIGHUP" -> "the terminal driver, because the terminal hung up";
            case "SIGTTIN", "SIGTTOU" -> "the terminal driver, because a background process used the terminal";
            case "SIGSEGV" -> "a general-protection fault (on x86 a bad pointer the CPU gives no address for)";
            case "SIGXCPU" -> "the process used more CPU time than `RLIMIT_CPU` allows";
            case "SIGIO", "SIGPOLL" -> "an fd set up for signal-driven I/O became ready";
            default -> "the kernel raised it itself";
        };
    }

    private static String fault(String code) {
        if (code.startsWith("SEGV_") || code.startsWith("BUS_") || code.startsWith("FPE_") || code.startsWith("ILL_")) {
            return "Sent by the kernel because an instruction of this thread faulted (`" + code + "`); `si_addr` is the"
                    + " address involved.";
        }
        if (code.startsWith("TRAP_")) {
            return "Sent by the kernel for a trap of this thread (breakpoint, single step): a debugger's doing.";
        }
        if (code.startsWith("POLL_")) {
            return "Sent by the kernel for signal-driven I/O (`" + code + "`) on the fd in `si_fd`.";
        }
        if (code.startsWith("SYS_")) {
            return "Sent by the kernel because a seccomp filter trapped a system call (`si_syscall`).";
        }
        return null;
    }
}
