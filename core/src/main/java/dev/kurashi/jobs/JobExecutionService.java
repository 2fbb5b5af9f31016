package dev.kurashi.jobs;

import dev.kurashi.common.Page;
import dev.kurashi.common.PageRequest;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;

/**
 * The record of batch job runs: the batch-worker writes it (each write in its own transaction, so a row shows
 * RUNNING while the job works and survives the job's failure); shop-app lists it for staff.
 */
@ApplicationScoped
public class JobExecutionService {

    /** Longest detail kept (the first line of an error, counts). */
    static final int DETAIL_MAX = 1000;

    private final JobExecutionRepository executions;

    public JobExecutionService(JobExecutionRepository executions) {
        this.executions = executions;
    }

    /** Records a run as RUNNING and returns its id. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    @WithSpan
    public long start(String job, String node, String fireInstanceId, Instant scheduledAt) {
        JobExecution e = new JobExecution();
        e.job = job;
        e.node = node;
        e.fireInstanceId = fireInstanceId;
        e.scheduledAt = scheduledAt;
        e.startedAt = Instant.now();
        e.status = JobStatus.RUNNING;
        executions.persist(e);
        return e.id;
    }

    /** Ends a run; returns false when the row was no longer running (swept as abandoned meanwhile). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    @WithSpan
    public boolean finish(long id, JobStatus status, String detail) {
        if (status == JobStatus.RUNNING) {
            throw new IllegalArgumentException("a finished run cannot be RUNNING");
        }
        return executions.finish(id, status, truncate(detail), Instant.now()) == 1;
    }

    /**
     * Marks abandoned the runs left RUNNING by a node that died (see
     * {@link JobExecutionRepository#abandonOrphans}). {@code oneOffTimeout}: how long a one-off run may take
     * before its row counts as abandoned.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    @WithSpan
    public int abandonOrphans(String quartzTablePrefix, Duration oneOffTimeout) {
        Instant now = Instant.now();
        return executions.abandonOrphans(quartzTablePrefix, now.minus(oneOffTimeout), now);
    }

    /** Recent runs, newest first. */
    @Transactional
    @WithSpan
    public Page<JobExecutionView> recent(PageRequest page) {
        var rows = executions.listNewest(page.afterId(), page.limit() + 1);
        return page.page(rows, e -> e.id.toString()).map(JobExecutionView::of);
    }

    /** Deletes finished runs started before {@code cutoff}; returns how many. */
    @Transactional
    @WithSpan
    public long pruneStartedBefore(Instant cutoff) {
        return executions.deleteStartedBefore(cutoff);
    }

    static String truncate(String detail) {
        if (detail == null || detail.length() <= DETAIL_MAX) {
            return detail;
        }
        return detail.substring(0, DETAIL_MAX - 1) + "…";
    }
}
