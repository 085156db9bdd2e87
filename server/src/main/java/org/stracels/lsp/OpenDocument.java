package org.stracels.lsp;

import java.util.concurrent.CancellationException;
import org.stracels.parse.CancelCheck;
import org.stracels.analysis.Trace;

/**
 * One version of an open document: its text, and what is derived from that text, computed once, on first
 * use. Immutable except for those caches and the "superseded" mark.
 *
 * <p>When the next version arrives (or the document closes) {@link Documents} marks this one superseded; from
 * then on {@link #cancelCheck()} throws {@link CancellationException}, so a parse or a check still running
 * on the old text stops at its next check instead of finishing work nobody will read (lemminx:
 * TextDocumentVersionChecker). CancellationException is what lsp4j's own CancelChecker throws, so a request
 * running on a stale version ends as a cancelled request.
 */
final class OpenDocument {
    private final String uri;
    private final String languageId;
    private final int version;
    private final String text;
    private volatile boolean superseded;
    private Trace trace; // guarded by this
    private Positions positions; // guarded by this

    /** Texts from this size on show progress while they are parsed and while their fd model is built. */
    static final int PROGRESS_FROM = 8 << 20;
    private final WorkProgress progress;

    OpenDocument(String uri, String languageId, int version, String text) {
        this(uri, languageId, version, text, null);
    }

    OpenDocument(String uri, String languageId, int version, String text, WorkProgress progress) {
        this.uri = uri;
        this.languageId = languageId;
        this.version = version;
        this.text = text;
        this.progress = progress;
    }

    String uri() {
        return uri;
    }

    String languageId() {
        return languageId;
    }

    int version() {
        return version;
    }

    String text() {
        return text;
    }

    boolean isCurrent() {
        return !superseded;
    }

    void supersede() {
        superseded = true;
    }

    /** Throws when this version is no longer the open one. */
    CancelCheck cancelCheck() {
        return this::checkCurrent;
    }

    /** Throws when this version is no longer the open one or when {@code request} was cancelled by the client. */
    CancelCheck cancelCheck(org.eclipse.lsp4j.jsonrpc.CancelChecker request) {
        return () -> {
            request.checkCanceled();
            checkCurrent();
        };
    }

    /** Throws when {@code request} says so or when this version is no longer the open one. */
    CancelCheck andCurrent(CancelCheck request) {
        return () -> {
            request.checkCanceled();
            checkCurrent();
        };
    }

    void checkCurrent() {
        if (superseded) {
            throw new CancellationException(uri + " version " + version + " is out of date");
        }
    }

    /**
     * The trace of this version, parsed by the first caller and shared by all later ones. Synchronized so
     * that concurrent callers wait for the one parse instead of parsing again. A parse cut short by a newer
     * version leaves nothing cached and throws CancellationException to every caller.
     */
    synchronized Trace trace() {
        checkCurrent();
        if (trace == null) {
            try (WorkProgress.Job job = job("Reading")) {
                trace = Trace.of(text, cancelled(cancelCheck(), job));
            }
        }
        return trace;
    }

    /**
     * Builds the fd model of this version if it is not built yet, with progress for a big text: requests that need
     * it (navigation, hover) call this first, so that the user sees what the wait is for and can cancel it.
     */
    void prepareFds(CancelCheck cancel) {
        Trace t = trace();
        if (t.hasFds() || text.length() < PROGRESS_FROM || progress == null) {
            return;
        }
        try (WorkProgress.Job job = job("Following the fds of")) {
            t.fds(cancelled(cancel, job));
        }
    }

    private WorkProgress.Job job(String what) {
        boolean big = progress != null && text.length() >= PROGRESS_FROM;
        if (!big) {
            return WorkProgress.none();
        }
        int slash = uri.lastIndexOf('/');
        return progress.start(what + " " + (slash >= 0 ? uri.substring(slash + 1) : uri));
    }

    private static CancelCheck cancelled(CancelCheck cancel, WorkProgress.Job job) {
        return () -> {
            cancel.checkCanceled();
            if (job.cancelled()) {
                throw new CancellationException("cancelled by the user");
            }
        };
    }

    synchronized Positions positions() {
        if (positions == null) {
            positions = Positions.of(text);
        }
        return positions;
    }

    @Override
    public String toString() {
        return uri + "@" + version;
    }
}
