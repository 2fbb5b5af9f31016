package dev.kurashi.shop.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The packaged shop-app started in the prod profile refuses to start with the local test gateway (issue 12), and the
 * same start with Stripe gets past that check. The task's environment is filled with inert values (nothing in it is
 * reachable), so the only thing that decides is {@code KURASHI_PAYMENT_PROVIDER}.
 */
class ProdRefusesLocalGatewayIT {

    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    private static final String REFUSAL = "refused in the prod profile";
    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[}:]");

    @Test
    void prodWithTheLocalGatewayDoesNotStart() throws Exception {
        Run run = start(Map.of("KURASHI_PAYMENT_PROVIDER", "local"), Duration.ofSeconds(120));

        assertThat(run.exited())
                .as("the app must exit, output:%n%s", run.output())
                .isTrue();
        assertThat(run.exitCode()).isNotZero();
        assertThat(run.output()).contains(REFUSAL);
    }

    @Test
    void prodWithStripeGetsPastTheCheck() throws Exception {
        Run run = start(Map.of(), Duration.ofSeconds(120));

        assertThat(run.output()).doesNotContain(REFUSAL).contains("started in");
    }

    record Run(boolean exited, int exitCode, String output) {}

    private static Run start(Map<String, String> extra, Duration limit) throws IOException, InterruptedException {
        Path log = Files.createTempFile("shop-app-prod", ".log");
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-Dquarkus.profile=prod",
                "-Dquarkus.http.port=0",
                "-Dquarkus.hibernate-orm.schema-management.strategy=none",
                "-Dkurashi.search.build-on-start=false",
                "-Dquarkus.log.console.json.enabled=false",
                "-jar",
                JAR.toString()));
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        for (String name : productionVariables()) {
            env.put(name, inert(name));
        }
        env.putAll(extra);
        Process process = builder.start();
        try {
            Instant until = Instant.now().plus(limit);
            while (Instant.now().isBefore(until) && process.isAlive()) {
                if (Files.readString(log, StandardCharsets.UTF_8).contains("started in")) {
                    break;
                }
                process.waitFor(500, TimeUnit.MILLISECONDS);
            }
            boolean exited = process.waitFor(2, TimeUnit.SECONDS);
            return new Run(exited, exited ? process.exitValue() : -1, Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            Files.deleteIfExists(log);
        }
    }

    /** Every {@code ${NAME}} the prod profile reads from the task's environment. */
    private static List<String> productionVariables() throws IOException {
        List<String> names = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("src/main/resources/application.properties"))) {
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

    private static String inert(String name) {
        return switch (name) {
            case "PUBLIC_BASE_URL" -> "https://shop.example";
            case "OPENSEARCH_HOSTS" -> "127.0.0.1:9";
            case "AWS_REGION" -> "ap-northeast-1";
            case "COGNITO_DOMAIN" -> "auth.example";
            case "SENTRY_DSN" -> "http://inert@127.0.0.1:9/1";
            default -> {
                // JDBC URLs (writer, reader) and HTTP endpoints must at least parse: nothing listens on port 9
                if (name.endsWith("JDBC_URL")) {
                    yield "jdbc:postgresql://127.0.0.1:9/none";
                }
                if (name.endsWith("_ENDPOINT") || name.endsWith("_URL")) {
                    yield "http://127.0.0.1:9";
                }
                yield "inert-" + name.toLowerCase(java.util.Locale.ROOT).replace('_', '-') + "-0123456789abcdef";
            }
        };
    }
}
