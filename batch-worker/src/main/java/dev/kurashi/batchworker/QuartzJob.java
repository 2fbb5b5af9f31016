package dev.kurashi.batchworker;

import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.Dependent;
import java.time.Instant;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;

/**
 * The Quartz job behind every schedule: runs the {@link BatchJob} named by the job key through {@link JobRunner}.
 * Quartz never runs two firings of one job key at once, across the cluster ({@link DisallowConcurrentExecution});
 * the job details request recovery, so a firing cut off by a dead node is run again by another.
 */
@Dependent
@Unremovable
@DisallowConcurrentExecution
public class QuartzJob implements Job {

    private final JobRunner runner;

    public QuartzJob(JobRunner runner) {
        this.runner = runner;
    }

    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        String name = context.getJobDetail().getKey().getName();
        BatchJob job = runner.find(name)
                .orElseThrow(() -> new JobExecutionException("no batch job named " + name + " in this build"));
        try {
            String node = context.getScheduler().getSchedulerInstanceId();
            runner.run(
                    job,
                    JobOptions.scheduled(),
                    new JobRunner.Origin(
                            node, context.getFireInstanceId(), scheduledAt(context), context.isRecovering()));
        } catch (SchedulerException e) {
            throw new JobExecutionException(e);
        }
    }

    /** The trigger's scheduled time; for a recovered firing, the one of the firing it repeats. */
    static Instant scheduledAt(JobExecutionContext context) {
        if (context.isRecovering()) {
            String original = context.getMergedJobDataMap()
                    .getString(Scheduler.FAILED_JOB_ORIGINAL_TRIGGER_SCHEDULED_FIRETIME_IN_MILLISECONDS);
            if (original != null) {
                return Instant.ofEpochMilli(Long.parseLong(original));
            }
        }
        return context.getScheduledFireTime() == null
                ? null
                : context.getScheduledFireTime().toInstant();
    }
}
