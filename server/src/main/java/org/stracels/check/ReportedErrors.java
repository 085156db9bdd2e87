package org.stracels.check;

import java.util.ArrayList;
import java.util.List;
import org.stracels.cause.Cause;
import org.stracels.cause.Report;
import org.stracels.parse.ParsedTrace;

/**
 * The finding on an error message a program wrote ({@code reported-error}): which failed call it follows, and
 * the likely causes as related places, most likely first.
 */
final class ReportedErrors {
    /** Related places listed with a message: the causes that rose, at most this many. */
    static final int MAX_RELATED = 5;

    private ReportedErrors() {
    }

    static Finding finding(org.stracels.analysis.Trace trace, Report report) {
        ParsedTrace parsed = trace.parsed();
        List<Cause> shown = new ArrayList<>();
        for (Cause c : report.causes()) {
            if (c.score() > 0 && shown.size() < MAX_RELATED) {
                shown.add(c);
            }
        }
        String quoted = "“" + report.excerpt(60) + "”";
        String message;
        if (shown.isEmpty()) {
            message = quoted + ": the program reported an error, and no unexpected failure of this process comes"
                    + " before it: the cause is not a failed call (look at what it read or received)";
        } else {
            Cause top = shown.get(0);
            message = quoted + ": this message follows " + top.shortCall() + " on line " + trace.lineNumber(top.line())
                    + ", its likely cause: " + top.why();
        }
        List<Finding.Related> related = new ArrayList<>(shown.size());
        for (int k = 0; k < shown.size(); k++) {
            Cause c = shown.get(k);
            related.add(new Finding.Related(c.line(), parsed.lineStart(c.line()), parsed.lineEnd(c.line()),
                    "likely cause #" + (k + 1) + " (score " + c.score() + "): " + c.call() + " — " + c.why()));
        }
        return new Finding(report.line(), report.start(), report.end(),
                DiagnosticPolicy.reportedError(report.processFailed()), FindingClass.REPORTED_ERROR,
                FindingCode.REPORTED_ERROR.id(), message,
                related);
    }
}
