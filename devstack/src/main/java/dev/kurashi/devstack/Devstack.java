package dev.kurashi.devstack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * The Kurashi devstack: PostgreSQL, OpenSearch, ElasticMQ, an OIDC issuer and the mail and push sinks in one JVM,
 * so that apps and tests need no Docker. See devstack/README.md.
 */
public final class Devstack implements AutoCloseable {

    static final String ENDPOINTS_FILE = "endpoints.json";
    static final String QUARKUS_FILE = "quarkus.properties";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");
    /** OpenSearch redirects System.out and System.err into its loggers once it starts: keep the real ones. */
    private static final PrintStream OUT = System.out;

    private static final PrintStream ERR = System.err;

    private final DevstackOptions options;
    private final PostgresService postgres;
    private final OpenSearchService openSearch;
    private final QueueService queues;
    private final OidcService oidc;
    private final SinkServer sinks;
    private final FaultControl faults;
    private volatile boolean ready;
    private volatile boolean closed;

    private Devstack(DevstackOptions options) {
        this.options = options;
        this.postgres = new PostgresService(options.stateDir(), options.pgPort());
        this.openSearch = new OpenSearchService(options.stateDir(), options.openSearchPort());
        this.queues = new QueueService(options.sqsPort());
        this.oidc = new OidcService(options.oidcPort());
        this.faults = new FaultControl(options.pgPort(), openSearch.url(), queues::proxy);
        this.sinks = new SinkServer(options.sinksPort(), oidc, this::healthy, faults);
    }

    public static void main(String[] args) {
        DevstackOptions options;
        try {
            options = DevstackOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Devstack devstack = new Devstack(options);
        Runtime.getRuntime().addShutdownHook(new Thread(devstack::close, "devstack-shutdown"));
        options.parentPid().ifPresent(Devstack::exitWithParent);
        try {
            Path endpoints = devstack.start();
            OUT.println("DEVSTACK READY " + endpoints);
            OUT.flush();
        } catch (Exception e) {
            log("startup failed: " + e);
            e.printStackTrace(ERR);
            System.exit(1);
        }
    }

    private static void exitWithParent(long pid) {
        ProcessHandle.of(pid)
                .ifPresentOrElse(
                        parent -> parent.onExit().thenRun(() -> {
                            log("parent process " + pid + " exited; stopping");
                            System.exit(0);
                        }),
                        () -> {
                            log("parent process " + pid + " is not running; stopping");
                            System.exit(0);
                        });
    }

    /** Starts every service, then writes quarkus.properties and endpoints.json. Returns the endpoints file. */
    Path start() throws IOException, InterruptedException {
        long started = System.nanoTime();
        Files.createDirectories(options.stateDir());
        Files.deleteIfExists(endpointsFile());
        postgres.stopOrphanedPostmaster();
        requireFreePorts();
        log("starting in " + options.stateDir());

        // Sinks first: /health answers (503) while the rest starts.
        sinks.start();
        ExecutorService starters = Executors.newFixedThreadPool(4);
        try {
            CompletableFuture.allOf(
                            startAsync("opensearch", openSearch::start, openSearch.url(), starters),
                            startAsync("postgres", postgres::start, postgres.jdbcUrl(), starters),
                            startAsync("elasticmq", queues::start, queues.endpoint(), starters),
                            startAsync("oidc", oidc::start, oidc.issuer(), starters))
                    .join();
        } catch (CompletionException e) {
            throw new IOException("a service failed to start", e.getCause());
        } finally {
            starters.shutdown();
        }

        writeAtomically(options.stateDir().resolve(QUARKUS_FILE), quarkusProperties());
        writeAtomically(endpointsFile(), endpointsJson());
        ready = true;
        log("ready in %.1f s: sinks %s".formatted((System.nanoTime() - started) / 1e9, sinks.url()));
        return endpointsFile();
    }

    private interface Startable {
        void start() throws Exception;
    }

    private static CompletableFuture<Void> startAsync(
            String name, Startable service, String where, ExecutorService executor) {
        return CompletableFuture.runAsync(
                () -> {
                    long t = System.nanoTime();
                    try {
                        service.start();
                    } catch (Exception e) {
                        throw new CompletionException(name + ": " + e.getMessage(), e);
                    }
                    log("%s up in %.1f s at %s".formatted(name, (System.nanoTime() - t) / 1e9, where));
                },
                executor);
    }

    private void requireFreePorts() throws IOException {
        List<String> busy = new ArrayList<>();
        Map<String, Integer> ports = ports();
        ports.forEach((name, port) -> {
            try (ServerSocket socket = new ServerSocket()) {
                socket.bind(new InetSocketAddress("localhost", port));
            } catch (IOException e) {
                busy.add(name + " " + port);
            }
        });
        if (!busy.isEmpty()) {
            throw new IOException("ports in use: " + String.join(", ", busy)
                    + " (another devstack running? use --ports-offset N or stop it)");
        }
    }

    private Map<String, Integer> ports() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("postgres", postgres.port());
        ports.put("opensearch", openSearch.port());
        ports.put("opensearch-transport", openSearch.port() + 100);
        ports.put("elasticmq", queues.port());
        ports.put("oidc", oidc.port());
        ports.put("sinks", sinks.port());
        return ports;
    }

    private boolean healthy() {
        if (!ready || closed) {
            return false;
        }
        // The others live in this JVM; postgres is the one that can die on its own.
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", postgres.port()), 500);
        } catch (IOException e) {
            return false;
        }
        return openSearch.isRunning();
    }

    private Path endpointsFile() {
        return options.stateDir().resolve(ENDPOINTS_FILE);
    }

    String endpointsJson() throws IOException {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = json.createObjectNode();
        root.put("pid", ProcessHandle.current().pid());
        root.putObject("postgres")
                .put("host", "localhost")
                .put("port", postgres.port())
                .put("database", PostgresService.DATABASE)
                .put("username", PostgresService.USER)
                .put("password", PostgresService.PASSWORD)
                .put("adminUsername", PostgresService.ADMIN_USER)
                .put("adminPassword", PostgresService.ADMIN_PASSWORD)
                .put("jdbcUrl", postgres.jdbcUrl());
        root.putObject("opensearch").put("url", openSearch.url());
        ObjectNode sqs =
                root.putObject("sqs").put("endpoint", queues.endpoint()).put("region", QueueService.REGION);
        ObjectNode queueUrls = sqs.putObject("queues");
        queues.queueUrls().forEach(queueUrls::put);
        root.putObject("oidc")
                .put("issuer", oidc.issuer())
                .put("jwksUri", oidc.issuer() + "/jwks")
                .put("tokenEndpoint", oidc.issuer() + "/token")
                .put("authorizationEndpoint", oidc.issuer() + "/authorize");
        root.putObject("sinks").put("url", sinks.url());
        return json.writeValueAsString(root) + "\n";
    }

    String quarkusProperties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl());
        p.put("quarkus.datasource.username", PostgresService.USER);
        p.put("quarkus.datasource.password", PostgresService.PASSWORD);
        p.put("quarkus.elasticsearch.hosts", "localhost:" + openSearch.port());
        p.put("quarkus.sqs.endpoint-override", queues.endpoint());
        p.put("quarkus.sqs.aws.region", QueueService.REGION);
        p.put("quarkus.sqs.aws.credentials.type", "static");
        p.put("quarkus.sqs.aws.credentials.static-provider.access-key-id", "devstack");
        p.put("quarkus.sqs.aws.credentials.static-provider.secret-access-key", "devstack");
        p.put("kurashi.queues.search-index", queues.queueUrl("kurashi-search-index"));
        p.put("kurashi.queues.search-index-dlq", queues.queueUrl("kurashi-search-index-dlq"));
        p.put("kurashi.queues.notifications", queues.queueUrl("kurashi-notifications"));
        p.put("kurashi.queues.notifications-dlq", queues.queueUrl("kurashi-notifications-dlq"));
        p.put("quarkus.oidc.auth-server-url", oidc.issuer());
        p.put("kurashi.mail.endpoint", sinks.url() + "/ses");
        p.put("kurashi.push.gunfish-url", sinks.url() + "/gunfish");
        p.put("kurashi.push.fcm-url", sinks.url() + "/fcm");
        p.put("kurashi.devstack.url", sinks.url());
        // Sentry DSN whose envelopes the sink lists at /sinks/errors (project 1, any public key).
        p.put("kurashi.errors.dsn", sinks.url().replace("http://", "http://devstack@") + "/1");
        return "# Written by the Kurashi devstack (pid "
                + ProcessHandle.current().pid() + ").\n"
                + p.entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining("\n", "", "\n"));
    }

    private static void writeAtomically(Path target, String content) throws IOException {
        Path temp =
                Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
        Files.writeString(temp, content);
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Stops every service (postgres' processes included) and removes endpoints.json. Safe to call twice. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        ready = false;
        log("stopping");
        try {
            Files.deleteIfExists(endpointsFile());
        } catch (IOException e) {
            log("could not delete " + endpointsFile() + ": " + e);
        }
        List<Thread> stoppers = new ArrayList<>();
        for (AutoCloseable service : List.<AutoCloseable>of(faults, sinks, oidc, queues, openSearch, postgres)) {
            stoppers.add(Thread.ofPlatform().start(() -> {
                try {
                    service.close();
                } catch (Exception e) {
                    log("error stopping " + service.getClass().getSimpleName() + ": " + e);
                }
            }));
        }
        for (Thread stopper : stoppers) {
            try {
                stopper.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        log("stopped");
    }

    static void log(String message) {
        OUT.println(LocalTime.now().format(TIME) + " devstack " + message);
    }
}
