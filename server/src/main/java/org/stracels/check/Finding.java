package org.stracels.check;

import java.util.List;

/**
 * Something worth pointing out on a line of a trace. Offsets are char offsets into the trace text; the
 * language server and the CLI turn them into positions.
 *
 * @param line     0-based line
 * @param start    offset of the first char the finding is about
 * @param end      offset just past the last one
 * @param findingClass what kind of thing it is about, set where the finding is made: readers use it, never
 *                 derive it again from the code
 * @param code     stable code: the errno name for failed calls, else a {@link FindingCode} id
 * @param related  other places that explain this one (the other half of a call, the process start)
 */
public record Finding(int line, int start, int end, Severity severity, FindingClass findingClass, String code,
        String message, List<Related> related) {

    public Finding {
        java.util.Objects.requireNonNull(findingClass, "findingClass");
    }

    /** Another place in the same trace. */
    public record Related(int line, int start, int end, String message) { }
}
