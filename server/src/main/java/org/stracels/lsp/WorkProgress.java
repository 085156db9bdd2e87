package org.stracels.lsp;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.eclipse.lsp4j.ProgressParams;
import org.eclipse.lsp4j.WorkDoneProgressBegin;
import org.eclipse.lsp4j.WorkDoneProgressCreateParams;
import org.eclipse.lsp4j.WorkDoneProgressEnd;
import org.eclipse.lsp4j.WorkDoneProgressReport;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.LanguageClient;
import org.stracels.stream.WindowScanner;

/**
 * {@code $/progress} for long jobs (views and summaries of big files): created with
 * {@code window/workDoneProgress/create} when the client said it takes it, reported at most a few times a second,
 * ended when the job ends; a cancel from the client ({@code window/workDoneProgress/cancel}) stops the job.
 */
final class WorkProgress {
    private static final Logger LOG = Logger.getLogger(WorkProgress.class.getName());
    private static final long EVERY_NANOS = 200_000_000L;

    private volatile LanguageClient client;
    private volatile boolean supported;
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();

    void connect(LanguageClient client) {
        this.client = client;
    }

    void clientSupports(boolean supported) {
        this.supported = supported;
    }

    /** Called by the server on window/workDoneProgress/cancel. */
    void cancel(String token) {
        Job job = token == null ? null : jobs.get(token);
        if (job != null) {
            job.cancelled = true;
        }
    }

    /** A job shown to the user as {@code title}; one that shows nothing when the client takes no progress. */
    Job start(String title) {
        return start(title, true);
    }

    /** With {@code shown} false, a job that shows nothing (small work) but can still be asked whether it was cancelled. */
    Job start(String title, boolean shown) {
        LanguageClient c = client;
        if (c == null || !supported || !shown) {
            return none();
        }
        String token = "strace-ls-" + UUID.randomUUID();
        try {
            c.createProgress(new WorkDoneProgressCreateParams(Either.forLeft(token))).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.fine(() -> "workDoneProgress/create refused: " + e);
            return none();
        }
        Job job = new Job(this, c, token);
        jobs.put(token, job);
        WorkDoneProgressBegin begin = new WorkDoneProgressBegin();
        begin.setTitle(title);
        begin.setCancellable(true);
        begin.setPercentage(0);
        c.notifyProgress(new ProgressParams(Either.forLeft(token), Either.forLeft(begin)));
        return job;
    }

    /** A job that shows nothing: small work, or a client that takes no progress. */
    static Job none() {
        return new Job(null, null, null);
    }

    /** One job's progress. */
    static final class Job implements WindowScanner.Progress, AutoCloseable {
        private final WorkProgress owner;
        private final LanguageClient client;
        private final String token;
        private long last;
        volatile boolean cancelled;

        Job(WorkProgress owner, LanguageClient client, String token) {
            this.owner = owner;
            this.client = client;
            this.token = token;
        }

        /** Whether the user cancelled it. */
        boolean cancelled() {
            return cancelled;
        }

        @Override
        public void update(long bytesRead, long totalBytes, long lines) {
            if (client == null) {
                return;
            }
            long now = System.nanoTime();
            if (now - last < EVERY_NANOS) {
                return;
            }
            last = now;
            WorkDoneProgressReport report = new WorkDoneProgressReport();
            report.setPercentage(totalBytes > 0 ? (int) Math.min(100, bytesRead * 100 / totalBytes) : null);
            report.setMessage(String.format(java.util.Locale.ROOT, "%,d lines read", lines));
            report.setCancellable(true);
            client.notifyProgress(new ProgressParams(Either.forLeft(token), Either.forLeft(report)));
        }

        @Override
        public void close() {
            if (client == null) {
                return;
            }
            owner.jobs.remove(token);
            client.notifyProgress(new ProgressParams(Either.forLeft(token), Either.forLeft(new WorkDoneProgressEnd())));
        }
    }
}
