package org.stracels.cause;

import org.stracels.analysis.IntList;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.stracels.analysis.ProcessInfo;
import org.stracels.analysis.Trace;
import org.stracels.analysis.TraceModel;
import org.stracels.parse.ArgKind;
import org.stracels.parse.ArgList;
import org.stracels.parse.ArgNode;
import org.stracels.parse.ArgParser;
import org.stracels.parse.CancelCheck;
import org.stracels.parse.ParsedLine;

/**
 * Finds the errors a program reported. A message is one or more writes to stderr (or a terminal) by one process
 * group, with nothing between them but routine failures (ln writes {@code "ln: "}, the text, looks up a
 * translation of the errno, and writes {@code ": Operation not permitted"}). It is a reported error when its
 * text reads like an error message, or when it is the last thing a failing process said on stderr. A write
 * to another fd is one too when its text reads like an error message and it is among the last writes of a
 * process that exits non-zero or is killed. A write to a log file, syslog or the journal ({@link MessageFds}) is one
 * when its text reads like an error message: daemons say what went wrong there, not on stderr.
 */
final class ErrorReports {
    /** The writes that make one message: their lines, the process, its text, and where the first write's text is. */
    record Draft(int[] lines, int processId, int group, String text, boolean toStderr, int start, int end,
            String channel) {
        int first() {
            return lines[0];
        }

        int last() {
            return lines[lines.length - 1];
        }
    }

    /** Writes further apart than this many lines are two messages. */
    private static final int MERGE_LINES = 64;
    /** A message has at most this many writes and spans at most this many lines (a log on stderr is many messages). */
    private static final int MAX_WRITES = 32;
    private static final int MAX_SPAN = 256;
    /** How far back from a failing process's exit its last writes are looked for, and how many. */
    private static final int TAIL_LINES = 200;
    private static final int TAIL_WRITES = 3;
    private static final int MAX_TEXT = 400;

    private ErrorReports() {
    }

    static List<Draft> find(TraceScan scan, RoutineFailures routine, CancelCheck cancel) {
        Trace trace = scan.trace();
        TraceModel model = trace.model();
        Map<Integer, IntList> open = new HashMap<>();
        List<int[]> messages = new ArrayList<>();
        for (int w : scan.stderrWrites()) {
            int g = scan.groupOfLine(w);
            IntList current = open.get(g);
            if (current != null && (w - current.last() > MERGE_LINES || current.size() >= MAX_WRITES
                    || w - current.get(0) > MAX_SPAN || failsBetween(scan, routine, g, current.last(), w))) {
                messages.add(current.toArray());
                current = null;
            }
            if (current == null) {
                current = new IntList();
                open.put(g, current);
            }
            current.add(w);
        }
        messages.addAll(open.values().stream().map(IntList::toArray).toList());
        messages.sort(Comparator.comparingInt(m -> m[0]));

        Map<Integer, Integer> lastOfGroup = new HashMap<>();
        for (int i = 0; i < messages.size(); i++) {
            lastOfGroup.put(scan.groupOfLine(messages.get(i)[0]), i);
        }
        List<Draft> drafts = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            cancel.checkCanceled();
            int[] lines = messages.get(i);
            int process = model.processOf(lines[0]);
            int g = scan.groupOf(process);
            Draft draft = draft(trace, lines, process, g, true, "stderr");
            boolean last = lastOfGroup.get(g) == i;
            if (MessageClues.isMessage(draft.text()) || last && failed(model, process, g)) {
                drafts.add(draft);
            }
        }
        int[] logs = scan.logWrites();
        for (int k = 0; k < logs.length; k++) {
            int process = model.processOf(logs[k]);
            Draft draft = draft(trace, new int[] {logs[k]}, process, scan.groupOf(process), false, scan.logChannel(k));
            if (MessageClues.isMessage(draft.text())) {
                drafts.add(draft);
            }
        }
        for (ProcessInfo p : model.activeProcesses()) {
            if (TraceScan.failed(p) && p.endLine() > 0) {
                tailMessages(scan, p, drafts);
            }
        }
        drafts.sort(Comparator.comparingInt(Draft::first));
        return drafts;
    }

    /** Whether group {@code g} has a failure that is not routine between lines {@code from} and {@code to}. */
    private static boolean failsBetween(TraceScan scan, RoutineFailures routine, int g, int from, int to) {
        int[] failures = scan.failures(g);
        for (int k = IntList.lowerBound(failures, from + 1); k < failures.length && failures[k] < to; k++) {
            if (Peek.of(scan.trace(), failures[k]).routine(routine) == null) {
                return true;
            }
        }
        return false;
    }

    private static boolean failed(TraceModel model, int process, int group) {
        return TraceScan.failed(model.process(process)) || TraceScan.failed(model.process(group));
    }

    /** Message-like writes to fds other than stderr among the last writes of failing process {@code p}. */
    private static void tailMessages(TraceScan scan, ProcessInfo p, List<Draft> drafts) {
        TraceModel model = scan.trace().model();
        int seen = 0;
        for (int i = p.endLine() - 1; i >= 0 && i >= p.endLine() - TAIL_LINES && seen < TAIL_WRITES; i--) {
            if (model.processOf(i) != p.id() || !scan.isWrite(i)) {
                continue;
            }
            seen++;
            if (scan.isStderrWrite(i) || scan.isWriteToNull(i) || scan.isLogWrite(i)) {
                continue;
            }
            Draft draft = draft(scan.trace(), new int[] {i}, p.id(), scan.groupOf(p.id()), false, "another fd");
            if (MessageClues.isMessage(draft.text())) {
                drafts.add(draft);
            }
        }
    }

    private static Draft draft(Trace trace, int[] lines, int process, int group, boolean toStderr, String channel) {
        StringBuilder text = new StringBuilder();
        int start = -1;
        int end = -1;
        for (int line : lines) {
            ParsedLine parsed = trace.parsed().line(line);
            ArgList args = ArgParser.parse(trace.text(), parsed.argsSpan());
            List<ArgNode> nodes = args.nodes();
            for (int k = 1; k < nodes.size(); k++) {
                ArgNode first = strings(nodes.get(k), text, 0);
                if (first != null && start < 0 && line == lines[0]) {
                    start = first.start();
                    end = first.end();
                }
            }
            if (start < 0 && line == lines[0]) {
                start = parsed.nameSpan().isPresent() ? parsed.nameSpan().start() : parsed.lineStart();
                end = parsed.nameSpan().isPresent() ? parsed.nameSpan().end() : parsed.lineEnd();
            }
            if (text.length() > MAX_TEXT) {
                break;
            }
        }
        String s = text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) + "…" : text.toString();
        return new Draft(lines, process, group, s, toStderr, start, end, channel);
    }

    /** Appends the strings in {@code node} (writev's iov_base too) to {@code text}; returns the first. */
    private static ArgNode strings(ArgNode node, StringBuilder text, int depth) {
        if (node.kind() == ArgKind.STRING) {
            text.append(node.decoded());
            if (node.truncated()) {
                text.append('…');
            }
            return node;
        }
        ArgNode first = null;
        if (depth < 6) {
            for (ArgNode child : node.children()) {
                ArgNode f = strings(child, text, depth + 1);
                first = first == null ? f : first;
            }
        }
        return first;
    }
}
