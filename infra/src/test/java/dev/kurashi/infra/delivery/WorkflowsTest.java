package dev.kurashi.infra.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kurashi.infra.Repository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The GitHub workflows: they parse, reach AWS only by OIDC role assumption, and prod waits for approval. */
class WorkflowsTest {

    private static final Path WORKFLOWS = Repository.file(".github/workflows");

    @Test
    void awsAccessIsOnlyByAssumingARoleWithAnOidcToken() throws IOException {
        for (Path file : workflows()) {
            String text = Repository.read(file);
            assertThat(text)
                    .as("%s holds no long-lived AWS keys", file.getFileName())
                    .doesNotContainIgnoringCase("aws-access-key-id")
                    .doesNotContainIgnoringCase("aws-secret-access-key")
                    .doesNotContain("AWS_SECRET_ACCESS_KEY");
            if (text.contains("aws-actions/configure-aws-credentials")) {
                assertThat(text).as(file.getFileName().toString()).contains("role-to-assume:");
                Map<String, Object> workflow = Repository.yaml(file);
                assertThat(String.valueOf(workflow.get("permissions")))
                        .as("%s asks for an OIDC token", file.getFileName())
                        .contains("id-token=write");
            }
        }
    }

    @Test
    void ciRunsTheSameCommandAsTheBuildMachines() {
        String ci = Repository.read(WORKFLOWS.resolve("ci.yml"));
        assertThat(ci).contains("bash .ci/run").contains("actions/setup-java");
        assertThat(triggers(WORKFLOWS.resolve("ci.yml")).keySet().stream().map(String::valueOf))
                .contains("pull_request", "push");
    }

    @Test
    void deployMigratesFirstThenDeploysTheWorkersThenShopApp() {
        String deploy = Repository.read(WORKFLOWS.resolve("deploy-environment.yml"));
        int migrate = deploy.indexOf("ecspresso run --config infra/ecspresso/migrate/");
        int queue = deploy.indexOf("ecspresso deploy --config infra/ecspresso/queue-worker/");
        int batch = deploy.indexOf("ecspresso deploy --config infra/ecspresso/batch-worker/");
        int shop = deploy.indexOf("ecspresso deploy --config infra/ecspresso/shop-app/");
        assertThat(List.of(migrate, queue, batch, shop)).doesNotContain(-1).isSorted();
        assertThat(deploy).contains("environment: ${{ inputs.environment }}");

        Map<String, Object> jobs = jobs(WORKFLOWS.resolve("deploy.yml"));
        assertThat(String.valueOf(jobs.get("stg"))).contains("environment=stg");
        assertThat(String.valueOf(jobs.get("prod")))
                .contains("environment=prod")
                .contains("stg");
    }

    private static List<Path> workflows() throws IOException {
        try (Stream<Path> files = Files.list(WORKFLOWS)) {
            List<Path> list =
                    files.filter(f -> f.toString().endsWith(".yml")).sorted().toList();
            assertThat(list).isNotEmpty();
            return list;
        }
    }

    /** YAML 1.1 reads the key {@code on} as the boolean true. */
    private static Map<?, ?> triggers(Path file) {
        Map<String, Object> workflow = Repository.yaml(file);
        Object on = workflow.containsKey("on") ? workflow.get("on") : ((Map<?, ?>) workflow).get(Boolean.TRUE);
        assertThat(on).as("%s triggers", file.getFileName()).isInstanceOf(Map.class);
        return (Map<?, ?>) on;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> jobs(Path file) {
        return (Map<String, Object>) Repository.yaml(file).get("jobs");
    }
}
