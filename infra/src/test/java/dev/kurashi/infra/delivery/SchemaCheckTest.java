package dev.kurashi.infra.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kurashi.infra.Repository;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * infra/ against the schemas it will meet, offline: the Terraform against hashicorp/aws 5.99.1 (the generated
 * bindings of @cdktf/provider-aws), the ecspresso definitions against the ECS API model (@aws-sdk/client-ecs),
 * the workflows against @action-validator. infra/schema-check/check.mjs does the checking; this test installs
 * its npm packages once per machine into ~/.cache/kurashi/schema-check (npm's registry is reachable; node and
 * npm must be on PATH) and runs it on the repository, then on examples with one mistake each.
 */
class SchemaCheckTest {

    private static final Path SOURCE = Repository.file("infra/schema-check");
    private static Path installed;

    @BeforeAll
    static void installThePackages() throws Exception {
        installed = Path.of(System.getProperty(
                "kurashi.schema-check.dir", System.getProperty("user.home") + "/.cache/kurashi/schema-check"));
        Files.createDirectories(installed);
        String wanted = Files.readString(SOURCE.resolve("package.json"));
        Path manifest = installed.resolve("package.json");
        boolean current = Files.exists(manifest)
                && Files.readString(manifest).equals(wanted)
                && Files.isDirectory(installed.resolve("node_modules/@cdktf/provider-aws"));
        if (!current) {
            Files.writeString(manifest, wanted);
            Run npm = run(installed, 900, "npm", "install", "--no-audit", "--no-fund", "--ignore-scripts");
            assertThat(npm.exit())
                    .as("npm install in %s:%n%s", installed, npm.output())
                    .isZero();
        }
        Files.copy(SOURCE.resolve("check.mjs"), installed.resolve("check.mjs"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void theRepositoryMatchesTheProviderTheEcsApiAndTheWorkflowSchema() throws Exception {
        Run check = run(
                installed,
                300,
                "node",
                installed.resolve("check.mjs").toString(),
                Repository.root().toString());

        assertThat(check.output()).doesNotContain("PROBLEM");
        assertThat(check.output())
                .containsPattern("checked [1-9]\\d* Terraform blocks, [1-9]\\d* ECS definitions, [1-9]\\d* workflows");
        assertThat(check.exit()).isZero();
    }

    @Test
    void eachKindOfMistakeIsFound(@TempDir Path dir) throws Exception {
        Path terraform = Files.createDirectories(dir.resolve("terraform"));
        Files.writeString(
                terraform.resolve("main.tf"),
                """
                resource "aws_cloudwatch_log_group" "exec" {
                  name    = "/ecs/exec"
                  kms_key = "arn:aws:kms:ap-northeast-1:1:key/x"
                }
                resource "aws_cloudfront_distribution" "this" {
                  enabled = true
                  dynamic "ordered_cache_behavior" {
                    for_each = ["/static/*"]
                    content {
                      path_pattern          = ordered_cache_behavior.value
                      origin_request_policy = "x"
                    }
                  }
                }
                data "aws_iam_policy_document" "execution" {
                  statement {
                    actions  = ["ecr:BatchGetImage"]
                    resource = ["*"]
                  }
                }
                resource "aws_chatbot_slack_configuration" "this" {}
                """);
        Path service = Files.createDirectories(dir.resolve("ecspresso/shop-app"));
        Files.writeString(
                service.resolve("ecspresso.yml"),
                """
                service_definition: ecs-service-def.json
                task_definition: ecs-task-def.json
                """);
        Files.writeString(
                service.resolve("ecs-service-def.json"),
                """
                {"launchType": "FARGATE_SPOT",
                 "deploymentConfiguration": {"deploymentCircuitBreaker": {"enable": true, "rollbak": true}}}
                """);
        Files.writeString(
                service.resolve("ecs-task-def.json"),
                """
                {"family": "shop-app", "containerDefinitions": [{"name": "app", "image": "x", "healthcheck": {}}]}
                """);
        Path workflows = Files.createDirectories(dir.resolve("workflows"));
        Files.writeString(
                workflows.resolve("deploy.yml"),
                """
                name: deploy
                on: push
                jobs:
                  deploy:
                    runs-on: ubuntu-24.04
                    timeout-minute: 90
                    steps:
                      - run: echo
                """);

        Run check = run(
                installed,
                300,
                "node",
                installed.resolve("check.mjs").toString(),
                dir.toString(),
                terraform.toString(),
                dir.resolve("ecspresso").toString(),
                workflows.toString());

        assertThat(check.exit()).isEqualTo(1);
        assertThat(check.output())
                .contains("aws_cloudwatch_log_group.exec: unknown argument or block \"kms_key\"")
                .contains("aws_cloudfront_distribution.this.ordered_cache_behavior: unknown argument or block "
                        + "\"origin_request_policy\"")
                .contains("data.aws_iam_policy_document.execution.statement: unknown argument or block \"resource\"")
                .contains("has no resource type aws_chatbot_slack_configuration")
                .contains("\"FARGATE_SPOT\" is not a LaunchType")
                .contains("DeploymentCircuitBreaker has no member \"rollbak\"")
                .contains("ContainerDefinition has no member \"healthcheck\"")
                .contains("workflows/deploy.yml: action-validator")
                .contains("timeout-minute");
    }

    record Run(int exit, String output) {}

    private static Run run(Path dir, int timeoutSeconds, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(List.of(command))
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(timeoutSeconds, TimeUnit.SECONDS))
                .as("%s finished", command[0])
                .isTrue();
        return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }
}
