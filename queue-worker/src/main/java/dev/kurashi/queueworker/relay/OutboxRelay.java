package dev.kurashi.queueworker.relay;

import dev.kurashi.outbox.Outbox;
import dev.kurashi.outbox.OutboxMessage;
import dev.kurashi.queueworker.messaging.InboundMessage;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * Sends outbox rows to SQS. One thread per process: it claims up to {@code batch-size} unsent rows with
 * {@code FOR UPDATE SKIP LOCKED}, sends them with SendMessageBatch (10 per call) to the queue of their event type,
 * marks the sent ones and commits, and repeats while batches come back full. Then it waits on its LISTEN
 * connection for {@code outbox_inserted} (the V4 trigger, delivered at the inserting commit) or the poll interval,
 * whichever comes first. Any number of relays may run: SKIP LOCKED hands each row to one of them, and a row whose
 * send succeeded but whose mark was lost (crash before commit) is sent again, which consumers absorb.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    static final String CHANNEL = "outbox_inserted";
    private static final int SQS_BATCH = 10;
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

    /** What one claim-send-mark transaction did; {@code failed} counts rows SQS did not take (not unroutable ones). */
    record Batch(int claimed, int sent, int failed) {}

    private final RelayConfig config;
    private final Outbox outbox;
    private final SqsClient sqs;
    private final AgroalDataSource dataSource;
    private final RelayMetrics metrics;
    private final Map<String, String> queueUrls = new ConcurrentHashMap<>();
    private volatile boolean running;
    private Thread thread;
    private Connection listenConnection;

    OutboxRelay(RelayConfig config, Outbox outbox, SqsClient sqs, AgroalDataSource dataSource, RelayMetrics metrics) {
        this.metrics = metrics;
        this.config = config;
        this.outbox = outbox;
        this.sqs = sqs;
        this.dataSource = dataSource;
    }

    void start(@Observes StartupEvent event) {
        if (!config.enabled()) {
            LOG.info("Outbox relay is disabled (kurashi.relay.enabled=false)");
            return;
        }
        running = true;
        thread = Thread.ofPlatform().name("outbox-relay").daemon().start(this::loop);
    }

    void stop(@Observes ShutdownEvent event) {
        if (thread == null) {
            return;
        }
        running = false;
        try {
            // at most one poll interval plus one batch in progress
            thread.join(config.pollInterval().plusSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void loop() {
        Duration backoff = Duration.ZERO;
        while (running) {
            try {
                Batch batch;
                do {
                    batch = relayBatch();
                } while (running && batch.failed() == 0 && batch.sent() > 0 && batch.claimed() == config.batchSize());
                backoff = batch.failed() > 0 ? next(backoff) : Duration.ZERO;
                await(backoff.isZero() ? config.pollInterval() : backoff);
            } catch (RuntimeException | SQLException e) {
                backoff = next(backoff);
                LOG.warnf("Outbox relay failed (%s); retrying in %s", e.toString(), backoff);
                closeListener();
                sleep(backoff);
            }
        }
        closeListener();
    }

    /** Claims, sends and marks one batch in one transaction; the row locks are held during the SQS calls. */
    Batch relayBatch() {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<OutboxMessage> rows = outbox.lockUnsent(config.batchSize());
            if (rows.isEmpty()) {
                return new Batch(0, 0, 0);
            }
            Map<String, List<OutboxMessage>> byQueue = new LinkedHashMap<>();
            int failed = 0;
            for (OutboxMessage row : rows) {
                String queueUrl = queueUrl(row.eventType);
                if (queueUrl == null) {
                    // stays unsent (and visible in countUnsent) until a route is configured
                    LOG.errorf(
                            "Outbox row %d: no route for event type %s (kurashi.relay.routes)", row.id, row.eventType);
                    metrics.message(row.eventType, "unrouted", null);
                } else {
                    byQueue.computeIfAbsent(queueUrl, q -> new ArrayList<>()).add(row);
                }
            }
            List<Long> sent = new ArrayList<>();
            for (var entry : byQueue.entrySet()) {
                List<OutboxMessage> queued = entry.getValue();
                for (int from = 0; from < queued.size(); from += SQS_BATCH) {
                    List<OutboxMessage> chunk = queued.subList(from, Math.min(queued.size(), from + SQS_BATCH));
                    try {
                        sent.addAll(send(entry.getKey(), chunk));
                    } catch (SdkException e) {
                        LOG.warnf("SendMessageBatch to %s failed: %s", entry.getKey(), e.getMessage());
                    }
                    failed += chunk.size()
                            - (int) chunk.stream()
                                    .filter(r -> sent.contains(r.id))
                                    .count();
                }
            }
            outbox.markSent(sent, Instant.now());
            for (var queued : byQueue.values()) {
                queued.forEach(r -> metrics.message(r.eventType, sent.contains(r.id) ? "sent" : "failed", r.createdAt));
            }
            metrics.batch(rows.size(), sent.size(), failed);
            return new Batch(rows.size(), sent.size(), failed);
        });
    }

    /** Answers the ids of the rows SQS accepted. */
    private List<Long> send(String queueUrl, List<OutboxMessage> rows) {
        Map<String, Long> ids = new HashMap<>();
        List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
        for (OutboxMessage row : rows) {
            Map<String, MessageAttributeValue> attributes = new HashMap<>();
            attributes.put(InboundMessage.EVENT_TYPE, text(row.eventType));
            attributes.put(InboundMessage.EVENT_ID, text(row.eventId.toString()));
            if (row.createdAt != null) {
                attributes.put(InboundMessage.CREATED_AT, text(row.createdAt.toString()));
            }
            if (row.traceparent != null) {
                attributes.put(InboundMessage.TRACEPARENT, text(row.traceparent));
            }
            String entryId = Long.toString(row.id);
            ids.put(entryId, row.id);
            entries.add(SendMessageBatchRequestEntry.builder()
                    .id(entryId)
                    .messageBody(row.payload)
                    .messageAttributes(attributes)
                    .build());
        }
        var result = sqs.sendMessageBatch(r -> r.queueUrl(queueUrl).entries(entries));
        result.failed().forEach(f -> LOG.warnf("SQS refused outbox row %s: %s %s", f.id(), f.code(), f.message()));
        return result.successful().stream().map(s -> ids.get(s.id())).toList();
    }

    private String queueUrl(String eventType) {
        String route = config.routes().get(eventType);
        if (route == null) {
            return null;
        }
        if (route.startsWith("http://") || route.startsWith("https://")) {
            return route;
        }
        return queueUrls.computeIfAbsent(
                route, name -> sqs.getQueueUrl(r -> r.queueName(name)).queueUrl());
    }

    /** Waits for a NOTIFY on the LISTEN connection, or {@code timeout}; polls alone while it cannot listen. */
    private void await(Duration timeout) throws SQLException {
        if (!running) {
            return;
        }
        if (listenConnection == null) {
            try {
                listenConnection = listen();
            } catch (SQLException e) {
                LOG.warnf("Cannot LISTEN %s (%s); polling every %s", CHANNEL, e.getMessage(), timeout);
                sleep(timeout);
                return;
            }
        }
        PGConnection pg = listenConnection.unwrap(PGConnection.class);
        pg.getNotifications((int) Math.max(1, timeout.toMillis()));
    }

    private Connection listen() throws SQLException {
        Connection connection = dataSource.getConnection();
        try (Statement statement = connection.createStatement()) {
            connection.setAutoCommit(true);
            statement.execute("LISTEN " + CHANNEL);
            return connection;
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
    }

    private void closeListener() {
        if (listenConnection == null) {
            return;
        }
        try (Connection connection = listenConnection;
                Statement statement = connection.createStatement()) {
            // the connection goes back to the pool: it must not keep collecting notifications there
            statement.execute("UNLISTEN *");
        } catch (SQLException e) {
            LOG.debugf("Closing the LISTEN connection: %s", e.getMessage());
        }
        listenConnection = null;
    }

    private static MessageAttributeValue text(String value) {
        return MessageAttributeValue.builder()
                .dataType("String")
                .stringValue(value)
                .build();
    }

    private static Duration next(Duration backoff) {
        Duration doubled = backoff.isZero() ? Duration.ofMillis(500) : backoff.multipliedBy(2);
        return doubled.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : doubled;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
