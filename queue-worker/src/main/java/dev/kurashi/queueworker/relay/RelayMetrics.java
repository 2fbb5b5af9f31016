package dev.kurashi.queueworker.relay;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * The outbox as the relay sees it. Gauges, read from the database at most once a second whatever the scrape rate:
 * {@code kurashi_outbox_unsent_rows} and {@code kurashi_outbox_oldest_unsent_age_seconds} (0 when nothing waits).
 * Counters: {@code kurashi_relay_batches_total{result}} and {@code kurashi_relay_messages_total{event_type,
 * result}}; timer {@code kurashi_relay_latency_seconds}: from the row's commit to SQS accepting it.
 */
/** Created at start so the gauges exist before the first batch. */
@Startup
@ApplicationScoped
public class RelayMetrics {

    private static final Logger LOG = Logger.getLogger(RelayMetrics.class);
    private static final Duration CACHE = Duration.ofSeconds(1);

    private record Backlog(Instant readAt, double rows, double oldestAgeSeconds) {}

    private final MeterRegistry registry;
    private final AgroalDataSource dataSource;
    private final Timer latency;
    private volatile Backlog backlog = new Backlog(Instant.EPOCH, Double.NaN, Double.NaN);

    RelayMetrics(MeterRegistry registry, AgroalDataSource dataSource) {
        this.registry = registry;
        this.dataSource = dataSource;
        this.latency = Timer.builder("kurashi.relay.latency")
                .description("Outbox row committed until SQS accepted it")
                .register(registry);
        Gauge.builder("kurashi.outbox.unsent", this, m -> m.backlog().rows())
                .baseUnit("rows")
                .description("Outbox rows not yet sent to SQS")
                .register(registry);
        Gauge.builder("kurashi.outbox.oldest.unsent.age", this, m -> m.backlog().oldestAgeSeconds())
                .baseUnit("seconds")
                .description("Age of the oldest outbox row not yet sent to SQS (0 when none)")
                .register(registry);
    }

    void batch(int claimed, int sent, int failed) {
        if (claimed == 0) {
            return;
        }
        String result = failed == 0 ? "sent" : sent == 0 ? "failed" : "partial";
        registry.counter("kurashi.relay.batches", "result", result).increment();
    }

    void message(String eventType, String result, Instant createdAt) {
        registry.counter("kurashi.relay.messages", "event_type", eventType, "result", result)
                .increment();
        if (result.equals("sent") && createdAt != null) {
            latency.record(Duration.between(createdAt, Instant.now()));
        }
    }

    private Backlog backlog() {
        Backlog current = backlog;
        if (current.readAt().plus(CACHE).isAfter(Instant.now())) {
            return current;
        }
        synchronized (this) {
            if (backlog.readAt().plus(CACHE).isAfter(Instant.now())) {
                return backlog;
            }
            backlog = read();
            return backlog;
        }
    }

    /** NaN (no sample) when the database does not answer: a gap, not a false zero. */
    private Backlog read() {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*), COALESCE(EXTRACT(EPOCH FROM now() -"
                        + " min(created_at)), 0) FROM outbox WHERE sent_at IS NULL")) {
            rows.next();
            return new Backlog(Instant.now(), rows.getLong(1), Math.max(0, rows.getDouble(2)));
        } catch (SQLException | RuntimeException e) {
            LOG.debugf("Cannot read the outbox backlog: %s", e.getMessage());
            return new Backlog(Instant.now(), Double.NaN, Double.NaN);
        }
    }
}
