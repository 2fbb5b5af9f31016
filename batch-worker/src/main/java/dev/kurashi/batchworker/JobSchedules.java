package dev.kurashi.batchworker;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.time.Duration;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TimeZone;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.SimpleTrigger;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;

/**
 * Brings the jobs and triggers in the shared Quartz store in line with this node's configuration at start-up.
 * Every node does it; a trigger that already matches is left alone (so its next fire time is kept), a changed
 * one is replaced, and jobs no longer configured are deleted. Each change runs in a transaction, under Quartz's
 * TRIGGER_ACCESS row lock. A one-off {@code run <job>} starts the scheduler halted and schedules nothing.
 */
@ApplicationScoped
public class JobSchedules {

    static final String GROUP = "kurashi";
    static final String PROBE = ProbeJob.NAME;

    private static final Logger LOG = Logger.getLogger(JobSchedules.class);

    private final Instance<Scheduler> quartz;
    private final JobRunner runner;
    private final JobsConfig config;
    private final String startMode;

    public JobSchedules(
            Instance<Scheduler> quartz,
            JobRunner runner,
            JobsConfig config,
            @ConfigProperty(name = "quarkus.scheduler.start-mode", defaultValue = "normal") String startMode) {
        this.quartz = quartz;
        this.runner = runner;
        this.config = config;
        this.startMode = startMode;
    }

    void onStart(@Observes StartupEvent event) throws SchedulerException {
        if ("halted".equalsIgnoreCase(startMode)) {
            LOG.info("Scheduler halted (one-off run or tests): schedules left as they are");
            return;
        }
        Scheduler scheduler = quartz.get();
        Set<String> wanted = new HashSet<>();
        for (BatchJob job : runner.jobs()) {
            Optional<Trigger> trigger = trigger(job.name());
            if (trigger.isPresent()) {
                wanted.add(job.name());
                QuarkusTransaction.requiringNew().call(() -> sync(scheduler, job.name(), trigger.get()));
            }
        }
        for (JobKey key : scheduler.getJobKeys(GroupMatcher.jobGroupEquals(GROUP))) {
            if (!wanted.contains(key.getName())) {
                QuarkusTransaction.requiringNew().call(() -> scheduler.deleteJob(key));
                LOG.infof("Unscheduled job %s", key.getName());
            }
        }
    }

    /**
     * On SIGTERM, stops taking firings and waits for those in flight, while the database and the rest of the app
     * are still up: Quarkus closes Hibernate ORM before its own Quartz shutdown, which would fail a job still
     * running and leave its execution row RUNNING. Firings acquired but not started go back to the cluster. A
     * job longer than the ECS stop timeout is killed and recovered by another node.
     */
    void onStop(@Observes ShutdownEvent event) throws SchedulerException {
        if ("halted".equalsIgnoreCase(startMode)) {
            return;
        }
        Scheduler scheduler = quartz.get();
        if (!scheduler.isShutdown()) {
            LOG.infof(
                    "Stopping the scheduler; waiting for %d running jobs",
                    scheduler.getCurrentlyExecutingJobs().size());
            scheduler.shutdown(true);
        }
    }

    /** The trigger the configuration asks for, if the job is scheduled at all. */
    Optional<Trigger> trigger(String name) {
        TriggerBuilder<Trigger> builder = TriggerBuilder.newTrigger()
                .withIdentity(TriggerKey.triggerKey(name, GROUP))
                .forJob(name, GROUP);
        if (PROBE.equals(name)) {
            return config.probeInterval().map(every -> builder.withSchedule(SimpleScheduleBuilder.simpleSchedule()
                            .withIntervalInMilliseconds(every.toMillis())
                            .repeatForever()
                            .withMisfireHandlingInstructionNextWithRemainingCount())
                    .build());
        }
        String cron = config.schedule().get(name);
        if (cron == null || cron.isBlank() || "off".equalsIgnoreCase(cron.trim())) {
            return Optional.empty();
        }
        // A firing missed while every node was down runs once when one is back, then the schedule goes on.
        return Optional.of(builder.withSchedule(CronScheduleBuilder.cronSchedule(cron.trim())
                        .inTimeZone(TimeZone.getTimeZone(config.timeZone()))
                        .withMisfireHandlingInstructionFireAndProceed())
                .build());
    }

    private static boolean sync(Scheduler scheduler, String name, Trigger wanted) throws SchedulerException {
        JobKey key = JobKey.jobKey(name, GROUP);
        JobDetail existingJob = scheduler.getJobDetail(key);
        Trigger existing = scheduler.getTrigger(wanted.getKey());
        if (existingJob != null
                && existingJob.getJobClass() == QuartzJob.class
                && existingJob.requestsRecovery()
                && existing != null
                && sameSchedule(existing, wanted)) {
            return false;
        }
        JobDetail job = JobBuilder.newJob(QuartzJob.class)
                .withIdentity(key)
                .requestRecovery(true)
                .storeDurably(true)
                .build();
        scheduler.scheduleJob(job, Set.of(wanted), true);
        LOG.infof("Scheduled job %s: %s", name, describe(wanted));
        return true;
    }

    static boolean sameSchedule(Trigger a, Trigger b) {
        if (a instanceof CronTrigger ca && b instanceof CronTrigger cb) {
            return ca.getCronExpression().equals(cb.getCronExpression())
                    && Objects.equals(ca.getTimeZone().getID(), cb.getTimeZone().getID())
                    && ca.getMisfireInstruction() == cb.getMisfireInstruction();
        }
        if (a instanceof SimpleTrigger sa && b instanceof SimpleTrigger sb) {
            return sa.getRepeatInterval() == sb.getRepeatInterval() && sa.getRepeatCount() == sb.getRepeatCount();
        }
        return false;
    }

    private static String describe(Trigger trigger) {
        if (trigger instanceof CronTrigger cron) {
            return "cron " + cron.getCronExpression() + " " + cron.getTimeZone().getID();
        }
        if (trigger instanceof SimpleTrigger simple) {
            return "every " + Duration.ofMillis(simple.getRepeatInterval());
        }
        return trigger.toString();
    }
}
