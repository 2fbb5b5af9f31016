package dev.kurashi.jobs;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One run of a batch job body: a scheduled firing or a one-off {@code run <job>}. */
@Entity
@Table(name = "job_executions")
public class JobExecution {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, updatable = false)
    public String job;

    /** The Quartz instance id of the node, or {@code cli@host:pid} for a one-off run. */
    @Column(nullable = false, updatable = false)
    public String node;

    /** Quartz's id of the firing (null for a one-off run). */
    @Column(name = "fire_instance_id", updatable = false)
    public String fireInstanceId;

    @Column(name = "scheduled_at", updatable = false)
    public Instant scheduledAt;

    @Column(name = "started_at", nullable = false, updatable = false)
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public JobStatus status;

    public String detail;
}
