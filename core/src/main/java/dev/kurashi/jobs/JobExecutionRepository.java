package dev.kurashi.jobs;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

@ApplicationScoped
public class JobExecutionRepository implements PanacheRepository<JobExecution> {

    private static final Pattern TABLE_PREFIX = Pattern.compile("[A-Za-z0-9_]{1,30}");

    /** Newest first (by id), keyset-paged; pass null for the first page. */
    public List<JobExecution> listNewest(Long beforeId, int limit) {
        if (beforeId == null) {
            return find("order by id desc").page(0, limit).list();
        }
        return find("id < ?1 order by id desc", beforeId).page(0, limit).list();
    }

    /** Finishes a running row; returns 1 when it was still running (a swept row stays ABANDONED). */
    public int finish(long id, JobStatus status, String detail, Instant finishedAt) {
        return update(
                "status = ?1, detail = ?2, finishedAt = ?3 where id = ?4 and status = ?5",
                status,
                detail,
                finishedAt,
                id,
                JobStatus.RUNNING);
    }

    /**
     * Marks ABANDONED the running rows of scheduled firings that no node holds any more: Quartz keeps a
     * {@code fired_triggers} row (entry_id = fire instance id) from acquisition until the job returns, and deletes
     * a dead node's rows when another node recovers them. A running row older than {@code oneOffCutoff} without a
     * firing (a one-off run whose task died) is abandoned too.
     */
    public int abandonOrphans(String quartzTablePrefix, Instant oneOffCutoff, Instant now) {
        if (!TABLE_PREFIX.matcher(quartzTablePrefix).matches()) {
            throw new IllegalArgumentException("not a table prefix: " + quartzTablePrefix);
        }
        String firedTriggers = quartzTablePrefix.toLowerCase(java.util.Locale.ROOT) + "fired_triggers";
        return getEntityManager()
                .createNativeQuery("UPDATE job_executions e SET status = 'ABANDONED', finished_at = ?1,"
                        + " detail = 'abandoned: node ' || e.node || ' stopped during the run'"
                        + " WHERE e.status = 'RUNNING' AND ("
                        + " (e.fire_instance_id IS NOT NULL AND NOT EXISTS"
                        + " (SELECT 1 FROM " + firedTriggers + " f WHERE f.entry_id = e.fire_instance_id))"
                        + " OR (e.fire_instance_id IS NULL AND e.started_at < ?2))")
                .setParameter(1, now)
                .setParameter(2, oneOffCutoff)
                .executeUpdate();
    }

    public long deleteStartedBefore(Instant cutoff) {
        return delete("startedAt < ?1 and status <> ?2", cutoff, JobStatus.RUNNING);
    }
}
