package org.stracels.structure;

import org.stracels.analysis.Trace;
import org.stracels.parse.ArgList;
import org.stracels.parse.ArgParser;
import org.stracels.parse.ParsedLine;

/** Which parameter each argument of a line is, when part of the call was printed on another line. */
final class Parameters {
    private Parameters() {
    }

    /**
     * The parameter index of the first argument printed on resumed line {@code i}: the number of arguments
     * its unfinished half printed (one less when the resumed text goes on with the last of them); -1 when
     * the unfinished half is not in the trace.
     */
    static int firstIndex(Trace trace, int i, ArgList resumed) {
        int partner = trace.model().partner(i);
        if (partner < 0 || partner > i) {
            return -1;
        }
        ParsedLine start = trace.parsed().line(partner);
        if (!start.argsSpan().isPresent()) {
            return 0;
        }
        ArgList before = ArgParser.parse(trace.text(), start.argsSpan());
        int printed = before.size();
        return !before.trailingSeparator() && !resumed.leadingSeparator() && printed > 0 ? printed - 1 : printed;
    }

    /** Whether the first argument of resumed line {@code i} continues the last one of its unfinished half. */
    static boolean continues(Trace trace, int i, ArgList resumed) {
        int partner = trace.model().partner(i);
        if (partner < 0 || partner > i) {
            return false;
        }
        ParsedLine start = trace.parsed().line(partner);
        if (!start.argsSpan().isPresent()) {
            return false;
        }
        ArgList before = ArgParser.parse(trace.text(), start.argsSpan());
        return !before.trailingSeparator() && !resumed.leadingSeparator() && before.size() > 0;
    }
}
