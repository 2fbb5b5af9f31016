package dev.kurashi.infra.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kurashi.infra.Repository;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * compose.yaml without a Docker engine: it parses, every service has an image or a build, the apps wait for
 * what they need through health checks, and the ports are those of {@code ./kurashi up}, read from the script.
 */
class ComposeFileTest {

    private static final Set<String> CONDITIONS =
            Set.of("service_started", "service_healthy", "service_completed_successfully");

    private final Map<String, Object> compose = Repository.yaml(Repository.file("compose.yaml"));
    private final Map<String, Map<String, Object>> services = services();

    /** `./kurashi up`'s processes: name, Maven module, port (the APPS array of the script). */
    record App(String name, String module, int port) {}

    @Test
    void everyServiceHasAnImageOrABuildWhoseContextHasADockerfile() {
        assertThat(services).isNotEmpty();
        services.forEach((name, service) -> {
            assertThat(service.containsKey("image") || service.containsKey("build"))
                    .as("%s has an image or a build", name)
                    .isTrue();
            if (service.get("build") instanceof Map<?, ?> build) {
                Path context = Repository.root().resolve((String) build.get("context"));
                assertThat(context.resolve("Dockerfile")).as("%s build", name).isRegularFile();
            }
        });
    }

    @Test
    void theAppsAreThoseOfKurashiUpOnTheSamePortsBuiltFromTheirModule() {
        for (App app : kurashiApps()) {
            Map<String, Object> service = services.get(app.name());
            assertThat(service).as(app.name()).isNotNull();
            assertThat(publishedPorts(service)).as(app.name()).contains(app.port());
            @SuppressWarnings("unchecked")
            Map<String, Object> build = (Map<String, Object>) service.get("build");
            assertThat(build).as("%s is built from source", app.name()).isNotNull();
            assertThat(((Map<?, ?>) build.get("args")).get("APP")).isEqualTo(app.module());
        }
    }

    @Test
    void theDevstacksPortsArePublishedToo() {
        List<Integer> published = new ArrayList<>();
        services.values().forEach(service -> published.addAll(publishedPorts(service)));
        assertThat(published).containsAll(devstackPorts()).doesNotHaveDuplicates();
    }

    @Test
    void everyAppHasAHealthCheckAndWaitsForItsDependenciesByCondition() {
        for (App app : kurashiApps()) {
            Map<String, Object> service = services.get(app.name());
            @SuppressWarnings("unchecked")
            Map<String, Object> healthcheck = (Map<String, Object>) service.get("healthcheck");
            assertThat(healthcheck).as("%s healthcheck", app.name()).isNotNull();
            assertThat(String.valueOf(healthcheck.get("test"))).contains("/q/health/");

            assertThat(service.get("depends_on"))
                    .as("%s depends_on with conditions", app.name())
                    .isInstanceOf(Map.class);
            ((Map<?, ?>) service.get("depends_on")).forEach((dependency, spec) -> {
                assertThat(services)
                        .as("%s depends on %s", app.name(), dependency)
                        .containsKey((String) dependency);
                String condition = (String) ((Map<?, ?>) spec).get("condition");
                assertThat(condition).as("%s -> %s", app.name(), dependency).isIn(CONDITIONS);
                if (condition.equals("service_healthy")) {
                    assertThat(services.get(dependency))
                            .as("%s has a healthcheck", dependency)
                            .containsKey("healthcheck");
                }
            });
        }
    }

    @Test
    void shopAppSeedsTheDataAndTheAppsRunTheLocalProfile() {
        assertThat(environment("shop-app")).containsEntry("KURASHI_SEED_ENABLED", "true");
        for (App app : kurashiApps()) {
            assertThat(environment(app.name())).as(app.name()).containsEntry("QUARKUS_PROFILE", "dev");
        }
    }

    @Test
    void mountedFilesExist() {
        services.forEach((name, service) -> {
            if (service.get("volumes") instanceof List<?> volumes) {
                for (Object volume : volumes) {
                    String source = String.valueOf(volume).split(":")[0];
                    if (source.startsWith("./")) {
                        assertThat(Repository.root().resolve(source))
                                .as("%s mounts %s", name, source)
                                .exists();
                    }
                }
            }
        });
    }

    private Map<String, Map<String, Object>> services() {
        Map<String, Map<String, Object>> result = new LinkedHashMap<>();
        ((Map<?, ?>) compose.get("services")).forEach((name, service) -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> definition = (Map<String, Object>) service;
            result.put((String) name, definition);
        });
        return result;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> environment(String service) {
        return (Map<String, Object>) services.get(service).get("environment");
    }

    private static List<Integer> publishedPorts(Map<String, Object> service) {
        List<Integer> ports = new ArrayList<>();
        if (service.get("ports") instanceof List<?> entries) {
            for (Object entry : entries) {
                // "${SHOP_APP_PORT:-8080}:8080": the published port is the variable's default.
                String[] parts = String.valueOf(entry)
                        .replaceAll("\\$\\{[A-Z0-9_]+:-(\\d+)}", "$1")
                        .split(":");
                ports.add(Integer.parseInt(parts[parts.length - 2]));
            }
        }
        return ports;
    }

    static List<App> kurashiApps() {
        String script = Repository.read(Repository.file("kurashi"));
        Matcher block = Pattern.compile("(?s)\\nAPPS=\\((.*?)\\n\\)").matcher(script);
        assertThat(block.find()).as("APPS=( ... ) in ./kurashi").isTrue();
        List<App> apps = new ArrayList<>();
        Matcher line = Pattern.compile("\"(\\S+) (\\S+) (\\d+)\"").matcher(block.group(1));
        while (line.find()) {
            apps.add(new App(line.group(1), line.group(2), Integer.parseInt(line.group(3))));
        }
        assertThat(apps).hasSize(5);
        return apps;
    }

    static List<Integer> devstackPorts() {
        Matcher ports = Pattern.compile("\\nDEVSTACK_PORTS=\\(([\\d ]+)\\)")
                .matcher(Repository.read(Repository.file("kurashi")));
        assertThat(ports.find()).as("DEVSTACK_PORTS=( ... ) in ./kurashi").isTrue();
        return java.util.Arrays.stream(ports.group(1).trim().split(" +"))
                .map(Integer::valueOf)
                .toList();
    }
}
