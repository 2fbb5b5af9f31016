package dev.kurashi.shop.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kurashi.devstack.client.DevstackResource;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The shop-restart drill as a test (ADR 1101): the packaged shop-app, as its own process with the production
 * shutdown settings (a delay during which readiness is down and requests are still served, then a timeout for
 * what is in flight), gets SIGTERM while 16 clients keep it busy. Every request in flight at the signal completes
 * with its normal answer, nothing answers 5xx but 503, and the process exits by itself within the stop timeout. Requests
 * sent after the port closed are refused: locally there is no load balancer to move them to another task.
 */
class GracefulShutdownIT {

    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    private static final Path LOG = Path.of("target", "graceful-shutdown-it", "shop-app.log");
    private static final int CLIENTS = 16;
    private static final List<String> WORDS = List.of("マグ", "まぐ", "mug", "ケトル", "kettle", "リネン", "plate", "皿");

    private record Call(long start, long end, int status, String error) {}

    private Process app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.destroyForcibly();
        }
    }

    @Test
    void sigtermUnderLoadCompletesEveryRequestInFlight() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-Dquarkus.profile=test",
                "-Dquarkus.http.port=" + port,
                "-Dquarkus.log.console.json.enabled=false",
                // as in prod: readiness goes down first, in-flight work gets up to 20 s
                "-Dquarkus.shutdown.delay=2s",
                "-Dquarkus.shutdown.timeout=20s"));
        Map<String, String> devstack = DevstackResource.devstack().quarkusProperties();
        devstack.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", JAR.toAbsolutePath().toString()));
        Files.createDirectories(LOG.getParent());
        app = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(LOG.toFile())
                .start();
        String base = "http://localhost:" + port;
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (call(http, base + "/q/health/ready").status() != 200) {
            assertTrue(app.isAlive() && System.nanoTime() < deadline, "shop-app did not become ready; see " + LOG);
            Thread.sleep(200);
        }

        ConcurrentLinkedQueue<Call> calls = new ConcurrentLinkedQueue<>();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        for (int i = 0; i < CLIENTS; i++) {
            clients.submit(() -> {
                while (running.get()) {
                    // a query nobody made before: the engine and the database both work for it
                    String q = WORDS.get(ThreadLocalRandom.current().nextInt(WORDS.size())) + " "
                            + ThreadLocalRandom.current().nextInt(1_000_000);
                    calls.add(call(
                            http, base + "/api/v1/search?type=all&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)));
                    calls.add(call(http, base + "/"));
                }
            });
        }
        Thread.sleep(3_000);
        long sigterm = System.nanoTime();
        app.destroy(); // SIGTERM
        boolean exited = app.waitFor(30, TimeUnit.SECONDS);
        running.set(false);
        clients.shutdown();
        assertTrue(clients.awaitTermination(30, TimeUnit.SECONDS));

        assertTrue(exited, "shop-app did not exit within 30 s of SIGTERM");
        List<Call> inFlight = calls.stream()
                .filter(c -> c.start() < sigterm && c.end() > sigterm)
                .toList();
        List<Call> failedInFlight = inFlight.stream()
                .filter(c -> c.error() != null || c.status() != 200)
                .toList();
        List<Call> serverErrors = calls.stream().filter(c -> c.status() >= 500).toList();
        long refused = calls.stream()
                .filter(c -> c.start() >= sigterm && c.error() != null)
                .count();
        System.out.printf(
                "graceful shutdown: %d requests, %d in flight at SIGTERM (%d failed), %d 5xx other than 503, %d refused after the"
                        + " port closed; exit %d%n",
                calls.size(), inFlight.size(), failedInFlight.size(), serverErrors.size(), refused, app.exitValue());
        assertTrue(inFlight.size() > 0, "no request was in flight at SIGTERM: the test proved nothing");
        assertEquals(List.of(), failedInFlight, "requests in flight at SIGTERM must complete");
        assertEquals(List.of(), serverErrors, "nothing but 503 may answer 5xx during a graceful shutdown");
        assertTrue(Files.readString(LOG).contains("stopped in"), "shop-app did not stop cleanly; see " + LOG);
    }

    private static Call call(HttpClient http, String url) {
        long start = System.nanoTime();
        try {
            HttpResponse<Void> response = http.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .timeout(Duration.ofSeconds(25))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            return new Call(start, System.nanoTime(), response.statusCode(), null);
        } catch (Exception e) {
            return new Call(start, System.nanoTime(), 0, e.toString());
        }
    }
}
