package dev.kurashi.infra.ecspresso;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kurashi.infra.Repository;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The ecspresso configurations and the service and task definitions they name (infra/ecspresso): they parse,
 * and every container has a health check, a log configuration, a non-root user, the stop timeout the apps'
 * shutdown fits in, and secrets by reference only.
 */
class EcspressoDefinitionsTest {

    private static final Path ECSPRESSO = Repository.ecspresso();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ENV = "{{ must_env `ENV` }}";
    private static final Pattern TFSTATE_OUTPUT = TfstateLookups.OUTPUT;

    private static final Pattern SECRET_LOOKING_NAME =
            Pattern.compile("(?i).*(SECRET|PASSWORD|PASSWD|TOKEN|PRIVATE|CREDENTIAL|API_?KEY|ACCESS_?KEY).*");
    private static final List<Pattern> SECRET_LOOKING_VALUES = List.of(
            Pattern.compile("AKIA[0-9A-Z]{16}"),
            Pattern.compile("-----BEGIN"),
            Pattern.compile("(?i)(password|secret)\\s*[=:]"));
    private static final int STOP_TIMEOUT = 30;
    private static final Set<String> APPS = Set.of("shop-app", "queue-worker", "batch-worker");

    record Config(String name, Path dir, Map<String, Object> yaml) {
        Path taskDefinition() {
            return dir.resolve((String) yaml.get("task_definition")).normalize();
        }

        Path serviceDefinition() {
            return dir.resolve((String) yaml.get("service_definition")).normalize();
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Config> configs() throws IOException {
        try (Stream<Path> dirs = Files.list(ECSPRESSO)) {
            return dirs
                    .filter(dir -> Files.isRegularFile(dir.resolve("ecspresso.yml")))
                    .sorted()
                    .map(dir -> new Config(
                            dir.getFileName().toString(), dir, Repository.yaml(dir.resolve("ecspresso.yml"))))
                    .toList()
                    .stream();
        }
    }

    @Test
    void everyDeployableHasAConfiguration() throws IOException {
        assertThat(configs().map(Config::name))
                .containsExactlyInAnyOrder("shop-app", "queue-worker", "batch-worker", "migrate", "bastion");
    }

    @ParameterizedTest
    @MethodSource("configs")
    void configTargetsTheEnvironmentsClusterAndState(Config config) {
        Map<String, Object> yaml = config.yaml();
        assertThat(yaml.get("region")).isEqualTo("ap-northeast-1");
        assertThat(yaml.get("cluster")).isEqualTo("kurashi-" + ENV);
        assertThat(yaml.get("service")).isEqualTo(config.name());
        assertThat(config.taskDefinition()).isRegularFile();
        assertThat(config.serviceDefinition()).isRegularFile();

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> plugins = (List<Map<String, Object>>) yaml.get("plugins");
        assertThat(plugins).as("plugins").anySatisfy(plugin -> {
            assertThat(plugin.get("name")).isEqualTo("tfstate");
            @SuppressWarnings("unchecked")
            Map<String, Object> pluginConfig = (Map<String, Object>) plugin.get("config");
            assertThat((String) pluginConfig.get("url")).startsWith("s3://").contains(ENV);
        });
    }

    @ParameterizedTest
    @MethodSource("configs")
    void everyContainerHasAHealthCheckLogsAStopTimeoutAndANonRootUser(Config config) {
        JsonNode task = json(config.taskDefinition());
        assertThat(task.path("requiresCompatibilities").toString()).contains("FARGATE");
        assertThat(task.path("networkMode").asText()).isEqualTo("awsvpc");
        assertThat(task.path("taskRoleArn").asText()).matches(TFSTATE_OUTPUT.pattern());
        assertThat(task.path("executionRoleArn").asText()).matches(TFSTATE_OUTPUT.pattern());

        assertThat(containers(task)).isNotEmpty().allSatisfy(container -> {
            String name = container.path("name").asText();
            JsonNode healthCheck = container.path("healthCheck");
            assertThat(healthCheck.path("command").isArray())
                    .as("%s healthCheck.command", name)
                    .isTrue();
            assertThat(healthCheck.path("command").path(0).asText())
                    .as("%s healthCheck runs CMD or CMD-SHELL", name)
                    .isIn("CMD", "CMD-SHELL");
            assertThat(healthCheck.path("command").size()).as(name).isGreaterThan(1);

            JsonNode logs = container.path("logConfiguration");
            assertThat(logs.path("logDriver").asText()).as("%s logDriver", name).isEqualTo("awslogs");
            assertThat(logs.path("options").path("awslogs-group").asText())
                    .as("%s log group", name)
                    .matches(TFSTATE_OUTPUT.pattern());
            assertThat(logs.path("options").path("awslogs-region").asText()).isNotBlank();
            assertThat(logs.path("options").path("awslogs-stream-prefix").asText())
                    .isNotBlank();

            assertThat(container.path("stopTimeout").asInt())
                    .as("%s stopTimeout", name)
                    .isEqualTo(STOP_TIMEOUT);

            String user = container.path("user").asText();
            assertThat(user).as("%s user", name).isNotBlank();
            assertThat(user.split(":")[0]).as("%s user", name).isNotIn("0", "root");
        });
    }

    @ParameterizedTest
    @MethodSource("configs")
    void secretsComeByReferenceOnly(Config config) {
        for (JsonNode container : containers(json(config.taskDefinition()))) {
            String name = container.path("name").asText();
            for (JsonNode secret : container.path("secrets")) {
                assertThat(secret.has("value"))
                        .as("%s secret %s has a value", name, secret)
                        .isFalse();
                assertThat(isArnReference(secret.path("valueFrom").asText()))
                        .as("%s secret %s is a Secrets Manager or SSM ARN", name, secret.path("name"))
                        .isTrue();
            }
            for (JsonNode variable : container.path("environment")) {
                String variableName = variable.path("name").asText();
                String value = variable.path("value").asText();
                if (SECRET_LOOKING_NAME.matcher(variableName).matches()) {
                    assertThat(variableName)
                            .as("%s: %s looks like a secret; put it in `secrets`", name, variableName)
                            .matches(".*_(ID|ARN)$");
                    assertThat(isArnReference(value))
                            .as("%s: %s must name a secret by ARN, not hold it", name, variableName)
                            .isTrue();
                }
                assertThat(SECRET_LOOKING_VALUES)
                        .as("%s: the value of %s looks like a credential", name, variableName)
                        .noneMatch(pattern -> pattern.matcher(value).find());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("configs")
    void appContainersCheckLivenessOnTheirPortAndShutDownWithinTheStopTimeout(Config config) {
        for (JsonNode container : containers(json(config.taskDefinition()))) {
            String name = container.path("name").asText();
            if (!APPS.contains(name)) {
                continue;
            }
            Properties app = applicationProperties(name);
            int port = Integer.parseInt(app.getProperty("quarkus.http.port"));
            assertThat(container.path("healthCheck").path("command").toString())
                    .as("%s checks liveness (ADR 1502), never readiness", name)
                    .contains("http://localhost:" + port + "/q/health/live");
            assertThat(container
                            .path("portMappings")
                            .path(0)
                            .path("containerPort")
                            .asInt())
                    .isEqualTo(port);

            Duration shutdown = duration(app.getProperty("quarkus.shutdown.timeout"));
            if (Boolean.parseBoolean(app.getProperty("quarkus.shutdown.delay-enabled", "false"))) {
                shutdown = shutdown.plus(duration(app.getProperty("quarkus.shutdown.delay", "0s")));
            }
            assertThat(shutdown)
                    .as("%s: shutdown delay + timeout must end before ECS kills the container", name)
                    .isLessThan(Duration.ofSeconds(STOP_TIMEOUT));
        }
    }

    /** Every variable the app reads in production (`${NAME}` outside %dev/%test) comes from its task definition. */
    @ParameterizedTest
    @MethodSource("configs")
    void everyEnvironmentVariableTheAppReadsIsSet(Config config) {
        for (JsonNode container : containers(json(config.taskDefinition()))) {
            String name = container.path("name").asText();
            if (!APPS.contains(name)) {
                continue;
            }
            Set<String> provided = new TreeSet<>();
            container
                    .path("environment")
                    .forEach(e -> provided.add(e.path("name").asText()));
            container.path("secrets").forEach(e -> provided.add(e.path("name").asText()));
            assertThat(productionVariables(name))
                    .as("%s reads these in %%prod; %s must set them", name, config.taskDefinition())
                    .isSubsetOf(provided);
        }
    }

    private static Set<String> productionVariables(String module) {
        Set<String> names = new TreeSet<>();
        String properties = Repository.read(Repository.file(module + "/src/main/resources/application.properties"));
        for (String line : properties.split("\n")) {
            if (line.startsWith("#") || line.startsWith("%dev.") || line.startsWith("%test.")) {
                continue;
            }
            Matcher m = ENV_REFERENCE.matcher(line);
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    static Stream<ServiceDefinitionRule> serviceRules() {
        return ServiceDefinitionRule.all().stream();
    }

    /** Circuit breaker, subnets, ECS Exec, desired counts, load balancer: BrokenServiceDefinitionsTest breaks each. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("serviceRules")
    void serviceDefinitionsKeep(ServiceDefinitionRule rule) {
        assertThat(rule.violations(ServiceDefinitionRule.load(ECSPRESSO))).isEmpty();
    }

    @Test
    void theMigrationRunsFlywayAndExits() {
        JsonNode migrate =
                containers(json(ECSPRESSO.resolve("migrate/ecs-task-def.json"))).get(0);
        assertThat(migrate.path("image").asText()).contains("/kurashi/shop-app:");
        assertThat(migrate.path("environment").toString())
                .contains("{\"name\":\"QUARKUS_FLYWAY_MIGRATE_AT_START\",\"value\":\"true\"}")
                .contains("{\"name\":\"QUARKUS_INIT_AND_EXIT\",\"value\":\"true\"}");
    }

    /** The README's list is the contract with infra/terraform: every output used is listed and vice versa. */
    @Test
    void everyTerraformOutputUsedIsListedInTheReadme() {
        assertThat(TfstateLookups.used(ECSPRESSO)).isNotEmpty().isEqualTo(listedOutputs());
    }

    static Set<String> listedOutputs() {
        String readme = Repository.read(ECSPRESSO.resolve("README.md"));
        int start = readme.indexOf("## Outputs the Terraform stack must provide");
        assertThat(start)
                .as("README section 'Outputs the Terraform stack must provide'")
                .isNotNegative();
        int end = readme.indexOf("\n## ", start + 1);
        String section = readme.substring(start, end < 0 ? readme.length() : end);
        Set<String> listed = new TreeSet<>();
        Matcher row = Pattern.compile("(?m)^\\| `([a-z0-9_]+)` \\|").matcher(section);
        while (row.find()) {
            listed.add(row.group(1));
        }
        return listed;
    }

    private static boolean isArnReference(String value) {
        // ECS takes one key of a JSON secret as ARN:json-key:version-stage:version-id
        value = value.replaceFirst(":[a-z0-9_]+::$", "");
        if (value.matches("arn:aws:(secretsmanager|ssm):.+")) {
            return true;
        }
        Matcher matcher = TFSTATE_OUTPUT.matcher(value);
        return matcher.matches() && matcher.group(1).endsWith("_arn");
    }

    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[}:]");

    private static List<JsonNode> containers(JsonNode task) {
        List<JsonNode> containers = new ArrayList<>();
        task.path("containerDefinitions").forEach(containers::add);
        return containers;
    }

    private static JsonNode json(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + file, e);
        }
    }

    private static Properties applicationProperties(String module) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(
                    Repository.read(Repository.file(module + "/src/main/resources/application.properties"))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    /** Quarkus' short duration form: 500ms, 20s, 1m. */
    private static Duration duration(String value) {
        Matcher matcher = Pattern.compile("(\\d+)(ms|s|m)").matcher(value.trim());
        assertThat(matcher.matches()).as("duration %s", value).isTrue();
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            default -> Duration.ofMinutes(amount);
        };
    }
}
