package dev.kurashi.batchworker;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * {@code kurashi_job_runs_total{job, status}} and {@code kurashi_job_duration_seconds{job, status}} for the runs of
 * this node, and {@code kurashi_job_last_success_timestamp_seconds{job}} for the cluster (read from
 * {@code job_executions}, so every node reports the same value whichever node ran the job; no sample for a job
 * that never succeeded).
 */
@ApplicationScoped
public class JobMetrics {

    private static final Logger LOG = Logger.getLogger(JobMetrics.class);
    private static final Duration CACHE = Duration.ofSeconds(5);

    private final MeterRegistry registry;
    private final AgroalDataSource dataSource;
    private volatile Instant readAt = Instant.EPOCH;
    private volatile Map<String, Double> lastSuccess = Map.of();

    JobMetrics(MeterRegistry registry, AgroalDataSource dataSource) {
        this.registry = registry;
        this.dataSource = dataSource;
    }

    /** Registers the last-success gauge of each job this node knows, at start (not at its first run). */
    void watch(@Observes StartupEvent event, Instance<BatchJob> jobs) {
        for (BatchJob batchJob : jobs) {
            String job = batchJob.name();
            Gauge.builder("kurashi.job.last.success.timestamp", this, m -> m.lastSuccess(job))
                    .tag("job", job)
                    .baseUnit("seconds")
                    .description("When the job last succeeded on any node (Unix time)")
                    .register(registry);
        }
    }

    void finished(String job, String status, Duration took) {
        registry.counter("kurashi.job.runs", "job", job, "status", status).increment();
        Timer.builder("kurashi.job.duration")
                .description("How long a job run took")
                .tags("job", job, "status", status)
                .register(registry)
                .record(took);
    }

    private double lastSuccess(String job) {
        if (readAt.plus(CACHE).isBefore(Instant.now())) {
            synchronized (this) {
                if (readAt.plus(CACHE).isBefore(Instant.now())) {
                    lastSuccess = read();
                    readAt = Instant.now();
                }
            }
        }
        return lastSuccess.getOrDefault(job, Double.NaN);
    }

    private Map<String, Double> read() {
        Map<String, Double> result = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT job, EXTRACT(EPOCH FROM max(finished_at))"
                        + " FROM job_executions WHERE status = 'SUCCEEDED' GROUP BY job")) {
            while (rows.next()) {
                result.put(rows.getString(1), rows.getDouble(2));
            }
        } catch (SQLException | RuntimeException e) {
            LOG.debugf("Cannot read the jobs' last successes: %s", e.getMessage());
        }
        return result;
    }
}
