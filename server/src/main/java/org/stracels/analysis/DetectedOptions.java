package org.stracels.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * Which strace options made a trace, as far as its text shows them.
 *
 * @param pidForm      how lines name their process
 * @param timestamps   the absolute timestamp option: "", "-t", "-tt", "-ttt", or a precision variant
 *                     such as "-ttt (ns)"
 * @param relative     -r: time since the previous line
 * @param durations    -T: time spent in each call
 * @param decodeFds    "", "-y" (paths) or "-yy" (sockets, devices, pidfds too)
 * @param stackTraces  -k
 * @param syscallNumbers -n
 * @param instructionPointer -i
 * @param comm         -Y: process names after pids
 * @param xForm        "abbrev" (default), "raw" or "verbose"
 * @param summary      "", "-c" (table only) or "-C" (trace and table)
 * @param hexDumps     -e read=/-e write=
 * @param stderrCapture the file holds strace's stderr: its messages and maybe the program's own text
 */
public record DetectedOptions(PidForm pidForm, String timestamps, boolean relative, boolean durations,
        String decodeFds, boolean stackTraces, boolean syscallNumbers, boolean instructionPointer, boolean comm,
        String xForm, String summary, boolean hexDumps, boolean stderrCapture) {

    /** What an empty trace shows: nothing. */
    public static final DetectedOptions NONE = new DetectedOptions(PidForm.NONE, "", false, false, "", false, false,
            false, false, "abbrev", "", false, false);

    /** How lines show their pid. */
    public enum PidForm {
        /** No pid: one process, or one file per process (-ff). */
        NONE,
        /** {@code 1234  } on every line: -f with -o. */
        PLAIN,
        /** {@code [pid  1234] } while several processes run: -f on stderr. */
        BRACKET
    }

    /** The options as a strace command line would have them, e.g. {@code [-f, -tt, -T, -yy]}. */
    public List<String> flags() {
        List<String> flags = new ArrayList<>();
        if (pidForm != PidForm.NONE) {
            flags.add("-f");
        }
        if (!timestamps.isEmpty()) {
            flags.add(timestamps);
        }
        if (relative) {
            flags.add("-r");
        }
        if (durations) {
            flags.add("-T");
        }
        if (!decodeFds.isEmpty()) {
            flags.add(decodeFds);
        }
        if (stackTraces) {
            flags.add("-k");
        }
        if (syscallNumbers) {
            flags.add("-n");
        }
        if (instructionPointer) {
            flags.add("-i");
        }
        if (comm) {
            flags.add("-Y");
        }
        if (!xForm.equals("abbrev")) {
            flags.add("-X " + xForm);
        }
        if (!summary.isEmpty()) {
            flags.add(summary);
        }
        if (hexDumps) {
            flags.add("-e read/write=");
        }
        return flags;
    }

    /**
     * These options, of the first window of a trace, with what a later window shows. As the detector does on a whole
     * text, options that show in prefixes and arguments come from the first lines (a window holds far more than the
     * detector samples); frames, dumps, durations and captures count anywhere, and a -c table after calls makes -C.
     * {@code callsSoFar} says whether the windows before had calls.
     */
    public DetectedOptions merge(DetectedOptions later, boolean callsSoFar) {
        String table = summary.isEmpty() ? later.summary : summary;
        if (!later.summary.isEmpty() && (callsSoFar || later.summary.equals("-C"))) {
            table = "-C";
        }
        return new DetectedOptions(pidForm != PidForm.NONE ? pidForm : later.pidForm, timestamps, relative,
                durations || later.durations, decodeFds, stackTraces || later.stackTraces, syscallNumbers,
                instructionPointer, comm, xForm, table, hexDumps || later.hexDumps, stderrCapture || later.stderrCapture);
    }
}
