package dev.kurashi.jobs;

import java.time.Instant;

/** A job execution as staff see it ({@code GET /api/v1/admin/jobs}). */
public record JobExecutionView(
        String job, Instant startedAt, Instant finishedAt, JobStatus status, String node, String detail) {

    static JobExecutionView of(JobExecution e) {
        return new JobExecutionView(e.job, e.startedAt, e.finishedAt, e.status, e.node, e.detail);
    }
}
