package org.stracels.compare;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.stracels.analysis.ProcessInfo;
import org.stracels.analysis.Trace;
import org.stracels.cause.Cause;
import org.stracels.cause.CauseAnalysis;
import org.stracels.cause.Report;
import org.stracels.check.Causes;

/**
 * The cause analysis of the failing run: the error messages its programs wrote and, for each, the failed calls
 * that most likely caused it. A difference on one of those lines comes first. The analysis needs the whole
 * text of a file, so it runs on files up to {@link #MAX_BYTES}; larger runs are ranked without it.
 */
final class BadCauses {
    static final long MAX_BYTES = 64L << 20;

    /** A likely cause: its rank among the causes of its message (0: the most likely) and the message. */
    record Named(int rank, String message) {
    }

    private final Map<String, Named> byLine = new HashMap<>();
    private final List<String> messages = new ArrayList<>();
    boolean analysed = true;

    static BadCauses of(List<Path> files, List<String> names) {
        BadCauses c = new BadCauses();
        for (int i = 0; i < files.size(); i++) {
            try {
                if (Files.size(files.get(i)) > MAX_BYTES) {
                    c.analysed = false;
                    continue;
                }
                c.add(names.get(i), Trace.of(new String(Files.readAllBytes(files.get(i)), StandardCharsets.UTF_8)));
            } catch (IOException e) {
                c.analysed = false;
            }
        }
        return c;
    }

    private void add(String file, Trace trace) {
        CauseAnalysis analysis = Causes.of(trace);
        for (Report r : analysis.reports()) {
            String message = r.excerpt(80);
            messages.add(r.message());
            name(file, r.causes(), message);
        }
        for (ProcessInfo p : trace.model().processes()) {
            if (p.endLine() >= 0) {
                name(file, analysis.causesOfExit(trace, p.endLine()), p.endingText());
            }
        }
    }

    private void name(String file, List<Cause> causes, String message) {
        for (int k = 0; k < causes.size(); k++) {
            Cause c = causes.get(k);
            Named named = new Named(k, message);
            byLine.merge(file + ":" + (c.line() + 1), named, (a, b) -> a.rank() <= b.rank() ? a : b);
            for (int line : c.repeats()) {
                byLine.putIfAbsent(file + ":" + (line + 1), named);
            }
        }
    }

    /** The cause named on this line of BAD, or null. */
    Named at(Difference.Location bad) {
        return bad == null ? null : byLine.get(bad.file() + ":" + bad.line());
    }

    /** The messages BAD's programs wrote. */
    List<String> messages() {
        return messages;
    }
}
