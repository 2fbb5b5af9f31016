package dev.kurashi.devstack.client;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;

/**
 * Points a Quarkus test at a devstack. Reuses the one of {@code ./kurashi up}
 * ({@code ${kurashi.root}/.kurashi/devstack/endpoints.json}) when its services answer; otherwise launches one
 * for this test JVM, with its state in {@code target/devstack} of the module under test.
 *
 * <p>There is at most one devstack per JVM. Quarkus restarts test resources (and their class loaders) when tests
 * switch profiles, so {@link #stop()} leaves a launched devstack running for the next {@link #start()}; it stops
 * at JVM exit (shutdown hook), and on its own when this JVM dies ({@code --parent-pid}).
 */
public class DevstackResource implements QuarkusTestResourceLifecycleManager {

    /** System property holding the endpoints file of the devstack this JVM uses (shared across class loaders). */
    public static final String ENDPOINTS_PROPERTY = "kurashi.devstack.endpoints";
    /** System property holding the URL of the devstack's sinks and control server. */
    public static final String URL_PROPERTY = "kurashi.devstack.url";

    @Override
    public Map<String, String> start() {
        return devstack().quarkusProperties();
    }

    @Override
    public void stop() {
        // Deliberately empty: see the class comment.
    }

    /** The devstack this JVM uses, found or launched on first use. */
    public static synchronized DevstackProcess devstack() {
        String known = System.getProperty(ENDPOINTS_PROPERTY);
        Optional<DevstackProcess> running = known != null ? DevstackProcess.attach(Path.of(known)) : Optional.empty();
        Path root = kurashiRoot();
        if (running.isEmpty()) {
            running = DevstackProcess.attach(root.resolve(".kurashi/devstack/endpoints.json"));
        }
        DevstackProcess devstack = running.orElseGet(() -> launch(root));
        System.setProperty(ENDPOINTS_PROPERTY, devstack.endpointsFile().toString());
        System.setProperty(URL_PROPERTY, devstack.sinksUrl());
        return devstack;
    }

    private static DevstackProcess launch(Path root) {
        Path devstackModule = root.resolve("devstack");
        Path classes = devstackModule.resolve("target/classes");
        Path lib = devstackModule.resolve("target/lib");
        if (!Files.isDirectory(classes) || !Files.isDirectory(lib)) {
            throw new IllegalStateException("the devstack is not built: run `./mvnw -pl devstack install` in " + root);
        }
        Path stateDir = Path.of(System.getProperty("user.dir"), "target", "devstack");
        forgetData(stateDir);
        DevstackProcess started =
                DevstackProcess.launch(stateDir, classes + File.pathSeparator + lib.resolve("*"), portsOffsetArgs());
        Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "devstack-stop"));
        return started;
    }

    /**
     * {@code KURASHI_DEVSTACK_PORTS_OFFSET} moves every port of a devstack launched for tests, so test runs of two
     * checkouts on one machine do not collide. OpenSearch must stay inside its own allowed range: 1000 works.
     */
    private static String[] portsOffsetArgs() {
        String offset = System.getenv("KURASHI_DEVSTACK_PORTS_OFFSET");
        if (offset == null || offset.isBlank()) {
            return new String[0];
        }
        return new String[] {"--ports-offset", Integer.toString(Integer.parseInt(offset.strip()))};
    }

    /**
     * A devstack launched for tests starts from empty data, so a test run never depends on what an earlier
     * run left (or on the checksums of migrations that were edited since). Data of a postmaster that is
     * still running is left alone: the devstack stops that orphan first and keeps its data.
     */
    private static void forgetData(Path stateDir) {
        if (Files.exists(stateDir.resolve("postgres/postmaster.pid"))) {
            return;
        }
        for (String dir : new String[] {"postgres", "opensearch"}) {
            Path data = stateDir.resolve(dir);
            if (!Files.exists(data)) {
                continue;
            }
            try (var paths = Files.walk(data)) {
                paths.sorted(Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot clear " + data, e);
            }
        }
    }

    /** {@code kurashi.root}, else the nearest directory upwards from user.dir that holds devstack/pom.xml. */
    static Path kurashiRoot() {
        String root = System.getProperty("kurashi.root");
        if (root != null && !root.isBlank()) {
            return Path.of(root).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("devstack/pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException(
                "cannot find the Kurashi root: set -Dkurashi.root or run below the directory holding devstack/");
    }
}
