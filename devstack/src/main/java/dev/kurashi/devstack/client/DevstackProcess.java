package dev.kurashi.devstack.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/** A devstack: one this JVM launched as a child process, or one found running. */
public final class DevstackProcess {

    public static final String MAIN_CLASS = "dev.kurashi.devstack.Devstack";
    public static final Duration START_TIMEOUT = Duration.ofSeconds(300);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final Path endpointsFile;
    private final Process process;

    private DevstackProcess(Path endpointsFile, Process process) {
        this.endpointsFile = endpointsFile;
        this.process = process;
    }

    /**
     * Launches {@code java -cp classpath dev.kurashi.devstack.Devstack --state-dir stateDir --parent-pid <this>}
     * with its output in {@code stateDir/devstack.log}, and waits until it has written its endpoints file.
     */
    public static DevstackProcess launch(Path stateDir, String classpath, String... extraArgs) {
        try {
            Files.createDirectories(stateDir);
            Path endpoints = stateDir.resolve("endpoints.json");
            Files.deleteIfExists(endpoints);
            Path log = stateDir.resolve("devstack.log");
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xms256m",
                    "-Xmx1g",
                    "--enable-native-access=ALL-UNNAMED",
                    "-cp",
                    classpath,
                    MAIN_CLASS,
                    "--state-dir",
                    stateDir.toString(),
                    "--parent-pid",
                    Long.toString(ProcessHandle.current().pid())));
            command.addAll(List.of(extraArgs));
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(Redirect.appendTo(log.toFile()))
                    .start();
            DevstackProcess devstack = new DevstackProcess(endpoints, process);
            devstack.awaitReady(log);
            return devstack;
        } catch (IOException e) {
            throw new UncheckedIOException("could not launch the devstack", e);
        }
    }

    /** A devstack already running whose endpoints file is {@code endpointsFile}, if its services answer. */
    public static Optional<DevstackProcess> attach(Path endpointsFile) {
        DevstackProcess devstack = new DevstackProcess(endpointsFile, null);
        return devstack.isAlive() ? Optional.of(devstack) : Optional.empty();
    }

    private void awaitReady(Path log) {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the devstack exited with status " + process.exitValue()
                        + " before it was ready; see " + log + tail(log));
            }
            if (Files.exists(endpointsFile) && pid() == process.pid()) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the devstack", e);
            }
        }
        stop();
        throw new IllegalStateException(
                "the devstack was not ready within " + START_TIMEOUT.toSeconds() + " s; see " + log + tail(log));
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return "\n  " + String.join("\n  ", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "";
        }
    }

    /** Its process is alive and its /health answers 200. */
    public boolean isAlive() {
        try {
            if (!Files.exists(endpointsFile)
                    || ProcessHandle.of(pid()).map(p -> !p.isAlive()).orElse(true)) {
                return false;
            }
            try (HttpClient http = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(2))
                    .build()) {
                HttpResponse<Void> health = http.send(
                        HttpRequest.newBuilder(URI.create(sinksUrl() + "/health"))
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                return health.statusCode() == 200;
            }
        } catch (IOException | RuntimeException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public Path endpointsFile() {
        return endpointsFile;
    }

    public Map<String, Object> endpoints() {
        try {
            return Json.parseObject(Files.readString(endpointsFile));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public long pid() {
        return ((Number) endpoints().get("pid")).longValue();
    }

    @SuppressWarnings("unchecked")
    public String sinksUrl() {
        return (String) ((Map<String, Object>) endpoints().get("sinks")).get("url");
    }

    /** The Quarkus configuration the devstack wrote beside its endpoints file. */
    public Map<String, String> quarkusProperties() {
        Properties properties = new Properties();
        try (var in = Files.newBufferedReader(endpointsFile.resolveSibling("quarkus.properties"))) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> map = new LinkedHashMap<>();
        properties.stringPropertyNames().stream().sorted().forEach(k -> map.put(k, properties.getProperty(k)));
        return map;
    }

    /** Whether this JVM launched it (and so may stop it). */
    public boolean launchedHere() {
        return process != null;
    }

    /** Sends SIGTERM to a devstack this JVM launched and waits until it has stopped everything. */
    public void stop() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
