package org.stracels.lsp;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.stracels.check.Checker;
import org.stracels.check.DiagnosticPolicy;
import org.stracels.check.Finding;
import org.stracels.check.FindingCap;
import org.stracels.settings.Settings;

/**
 * Publishes the diagnostics of open documents, debounced: one scheduled task per document, replaced on each
 * edit, so typing does not check every keystroke (lemminx: ModelValidatorDelayer). Severities and the cap
 * on diagnostics per file come from the settings in force when the check runs. The delay is injected so
 * tests run with 0 ms and never sleep.
 *
 * <p>Stale results are never published: a task still running when a newer version arrives is stopped by the
 * document's cancel check, and a task that finishes anyway checks once more before publishing. The
 * scheduler must be single-threaded: then publications leave in the order they were computed, so an old
 * version can never overtake a newer one, and the empty list sent on close comes after the last result.
 */
final class DiagnosticsPublisher {
    private static final Logger LOG = Logger.getLogger(DiagnosticsPublisher.class.getName());

    private final ScheduledExecutorService scheduler;
    private final long delayNanos;
    private final Consumer<PublishDiagnosticsParams> client;
    private final Supplier<Settings> settings;
    private final ConcurrentMap<String, Future<?>> pending = new ConcurrentHashMap<>();
    private volatile boolean stopped;

    DiagnosticsPublisher(ScheduledExecutorService singleThreadScheduler, Duration delay,
            Consumer<PublishDiagnosticsParams> client) {
        this(singleThreadScheduler, delay, client, () -> Settings.DEFAULT);
    }

    /** @param settings read at each check: the severities of each class and the cap per file */
    DiagnosticsPublisher(ScheduledExecutorService singleThreadScheduler, Duration delay,
            Consumer<PublishDiagnosticsParams> client, Supplier<Settings> settings) {
        this.scheduler = singleThreadScheduler;
        this.delayNanos = delay.toNanos();
        this.client = client;
        this.settings = settings;
    }

    /** Schedules a check of {@code doc}, replacing the one scheduled for its previous version. */
    void documentChanged(OpenDocument doc) {
        if (stopped) {
            return;
        }
        pending.compute(doc.uri(), (uri, previous) -> {
            cancel(previous);
            try {
                return scheduler.schedule(() -> publish(doc), delayNanos, TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException e) {
                return null; // the server is shutting down; nobody is waiting for diagnostics any more
            }
        });
    }

    /** Drops what is scheduled for {@code uri} and clears the diagnostics the editor shows for it. */
    void documentClosed(String uri) {
        cancel(pending.remove(uri));
        if (stopped) {
            return;
        }
        try {
            scheduler.execute(() -> send(new PublishDiagnosticsParams(uri, List.of())));
        } catch (RejectedExecutionException e) {
            LOG.fine(() -> "not clearing diagnostics of " + uri + ": shutting down");
        }
    }

    /** After shutdown the client expects no more notifications. */
    void stop() {
        stopped = true;
        pending.values().forEach(DiagnosticsPublisher::cancel);
        pending.clear();
    }

    private void publish(OpenDocument doc) {
        try {
            Settings current = settings.get();
            List<Finding> findings = Checker.check(doc.trace(), new DiagnosticPolicy(current.diagnostics()),
                    doc.cancelCheck());
            List<Diagnostic> diagnostics = DiagnosticConverter.toDiagnostics(
                    FindingCap.apply(findings, current.maxDiagnostics()), doc.positions(), doc.uri());
            doc.checkCurrent();
            send(new PublishDiagnosticsParams(doc.uri(), diagnostics, doc.version()));
        } catch (CancellationException stale) {
            // Cancellation is caught first, on purpose: it is the normal end of work on an old version.
            LOG.finer(() -> "dropped diagnostics of " + doc + ": " + stale.getMessage());
        } catch (RuntimeException bug) {
            // Anything else is a bug in the core. Without this it would vanish into the scheduled future;
            // logged (to stderr and the client), it keeps the last diagnostics and the server running.
            LOG.log(Level.SEVERE, "checking " + doc + " failed", bug);
        }
    }

    private void send(PublishDiagnosticsParams params) {
        if (!stopped) {
            client.accept(params);
        }
    }

    private static void cancel(Future<?> future) {
        if (future != null) {
            future.cancel(false);
        }
    }
}
