package dev.kurashi.batchworker;

import dev.kurashi.jobs.JobExecutionService;
import dev.kurashi.jobs.JobStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Runs a job body once and records it in {@code job_executions}: RUNNING at the start, then SUCCEEDED or FAILED
 * with a short detail. Before each run it sweeps runs left RUNNING by nodes that died, so a killed node never
 * leaves a job looking stuck.
 */
@ApplicationScoped
public class JobRunner {

    private static final Logger LOG = Logger.getLogger(JobRunner.class);

    /** Where a run comes from: the node, and Quartz's firing when scheduled. */
    public record Origin(String node, String fireInstanceId, Instant scheduledAt, boolean recovering) {

        public static Origin oneOff(String node) {
            return new Origin(node, null, null, false);
        }
    }

    private final List<BatchJob> jobs;
    private final JobExecutionService executions;
    private final JobsConfig config;
    private final String quartzTablePrefix;
    private final JobMetrics metrics;

    public JobRunner(
            Instance<BatchJob> jobs,
            JobExecutionService executions,
            JobsConfig config,
            @ConfigProperty(name = "quarkus.quartz.table-prefix", defaultValue = "QRTZ_") String quartzTablePrefix,
            JobMetrics metrics) {
        this.metrics = metrics;
        this.jobs = jobs.stream().toList();
        this.executions = executions;
        this.config = config;
        this.quartzTablePrefix = quartzTablePrefix;
    }

    public List<BatchJob> jobs() {
        return jobs;
    }

    public Optional<BatchJob> find(String name) {
        return jobs.stream().filter(j -> j.name().equals(name)).findFirst();
    }

    /** Runs the job and returns SUCCEEDED or FAILED; never throws for a failing body. */
    public JobStatus run(BatchJob job, JobOptions options, Origin origin) {
        sweepAbandoned();
        long id = executions.start(job.name(), origin.node(), origin.fireInstanceId(), origin.scheduledAt());
        String prefix = origin.recovering() ? "recovered firing; " : "";
        long started = System.nanoTime();
        try {
            String detail = job.run(options);
            executions.finish(id, JobStatus.SUCCEEDED, prefix + detail);
            metrics.finished(job.name(), "succeeded", Duration.ofNanos(System.nanoTime() - started));
            LOG.infof("Job %s succeeded on %s: %s", job.name(), origin.node(), detail);
            return JobStatus.SUCCEEDED;
        } catch (Exception e) {
            LOG.errorf(e, "Job %s failed on %s", job.name(), origin.node());
            executions.finish(id, JobStatus.FAILED, prefix + "failed: " + describe(e));
            metrics.finished(job.name(), "failed", Duration.ofNanos(System.nanoTime() - started));
            return JobStatus.FAILED;
        }
    }

    /** Marks abandoned the runs of dead nodes; a failure here must not stop the job itself. */
    void sweepAbandoned() {
        try {
            int abandoned = executions.abandonOrphans(quartzTablePrefix, config.oneOffTimeout());
            if (abandoned > 0) {
                LOG.warnf("Marked %d job executions of dead nodes ABANDONED", abandoned);
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not sweep abandoned job executions", e);
        }
    }

    /**
     * The first line of the message, for staff. Persistence and SQL errors carry SQL in their messages: those
     * say only where to look.
     */
    static String describe(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String type = t.getClass().getName();
            if (type.startsWith("jakarta.persistence.")
                    || type.startsWith("org.hibernate.")
                    || t instanceof java.sql.SQLException) {
                return "database error (see the batch-worker log)";
            }
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        String firstLine = message.lines().findFirst().orElse("");
        return firstLine.length() > 300 ? firstLine.substring(0, 300) + "…" : firstLine;
    }
}
