package dev.kurashi.devstack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Dependency outages on demand, for drills and resilience tests ({@code PUT /faults/NAME?seconds=N}, see
 * devstack/README.md):
 *
 * <ul>
 *   <li>{@code postgres}: what an Aurora writer failover looks like to the apps. The {@code kurashi} database
 *       stops accepting connections and every open connection to it is terminated; after N seconds it accepts
 *       connections again. PostgreSQL itself keeps running, so nothing is lost and no port moves.
 *   <li>{@code sqs}: the TCP relay in front of ElasticMQ resets its connections and refuses new ones; queued
 *       messages stay in ElasticMQ.
 *   <li>{@code opensearch}: every index gets read and write blocks, so searches and indexing fail as they do when
 *       the domain is unreachable (the node cannot be moved behind a relay: its port range is fixed).
 * </ul>
 *
 * Each fault ends by itself after its seconds (at most {@value #MAX_SECONDS}), or at {@code DELETE /faults/NAME}.
 */
final class FaultControl implements AutoCloseable {

    static final Set<String> NAMES = Set.of("postgres", "sqs", "opensearch");
    static final int MAX_SECONDS = 600;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final int pgPort;
    private final String openSearchUrl;
    private final Supplier<TcpProxy> sqsProxy;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().factory());
    private final Map<String, Active> active = new ConcurrentHashMap<>();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private record Active(Instant until, ScheduledFuture<?> end) {}

    FaultControl(int pgPort, String openSearchUrl, Supplier<TcpProxy> sqsProxy) {
        this.pgPort = pgPort;
        this.openSearchUrl = openSearchUrl;
        this.sqsProxy = sqsProxy;
    }

    /** Starts (or extends) the fault; it ends by itself after {@code seconds}. */
    synchronized void start(String name, int seconds) throws IOException {
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("no such fault: " + name + " (one of " + NAMES + ")");
        }
        if (seconds < 1 || seconds > MAX_SECONDS) {
            throw new IllegalArgumentException("seconds must be 1 to " + MAX_SECONDS);
        }
        Active previous = active.remove(name);
        if (previous != null) {
            previous.end().cancel(false);
        }
        apply(name, true);
        ScheduledFuture<?> end = timer.schedule(() -> endQuietly(name), seconds, TimeUnit.SECONDS);
        active.put(name, new Active(Instant.now().plusSeconds(seconds), end));
        Devstack.log("fault " + name + " on for " + seconds + " s");
    }

    synchronized void end(String name) throws IOException {
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("no such fault: " + name + " (one of " + NAMES + ")");
        }
        Active previous = active.remove(name);
        if (previous != null) {
            previous.end().cancel(false);
        }
        apply(name, false);
        Devstack.log("fault " + name + " off");
    }

    private void endQuietly(String name) {
        try {
            end(name);
        } catch (IOException | RuntimeException e) {
            Devstack.log("could not end fault " + name + ": " + e);
        }
    }

    ObjectNode status() {
        ObjectNode body = JSON.createObjectNode();
        for (String name : NAMES.stream().sorted().toList()) {
            Active fault = active.get(name);
            body.put(name, fault == null ? null : fault.until().toString());
        }
        return body;
    }

    private void apply(String name, boolean on) throws IOException {
        switch (name) {
            case "postgres" -> postgres(on);
            case "sqs" -> {
                if (on) {
                    sqsProxy.get().cut();
                } else {
                    sqsProxy.get().restore();
                }
            }
            case "opensearch" -> openSearch(on);
            default -> throw new IllegalArgumentException(name);
        }
    }

    private void postgres(boolean on) throws IOException {
        try (Connection c = PostgresService.connect(
                        pgPort, "postgres", PostgresService.ADMIN_USER, PostgresService.ADMIN_PASSWORD);
                Statement s = c.createStatement()) {
            s.execute("ALTER DATABASE " + PostgresService.DATABASE + " WITH ALLOW_CONNECTIONS " + !on);
            if (on) {
                s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '"
                        + PostgresService.DATABASE + "'");
            }
        } catch (SQLException e) {
            throw new IOException("postgres fault: " + e.getMessage(), e);
        }
    }

    private void openSearch(boolean on) throws IOException {
        String value = on ? "true" : "null";
        String body = "{\"index.blocks.read\":" + value + ",\"index.blocks.write\":" + value + "}";
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(openSearchUrl + "/_all/_settings?expand_wildcards=open"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException("opensearch fault: " + response.statusCode() + " " + response.body());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
