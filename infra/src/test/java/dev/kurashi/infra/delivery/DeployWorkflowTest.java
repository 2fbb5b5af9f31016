package dev.kurashi.infra.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kurashi.infra.Repository;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The deploy job fails when a service does not end up on the new task definition, lasts long enough for its
 * worst case, and the rollback runbook uses flags ecspresso v2.3 has. Each check runs on the real files and on a
 * copy with the mistake.
 */
class DeployWorkflowTest {

    private static final Path WORKFLOW = Repository.file(".github/workflows/deploy-environment.yml");
    private static final Pattern ECSPRESSO =
            Pattern.compile("ecspresso (run|deploy) --config infra/ecspresso/([a-z-]+)/ecspresso\\.yml");
    private static final Pattern VERIFY = Pattern.compile("infra/ecspresso/verify-deployed\\.sh ([a-z-]+)");
    /** `ecspresso rollback --help` of v2.3: its own flags and the global ones. */
    private static final Set<String> ROLLBACK_FLAGS_V2_3 = Set.of(
            "--help",
            "--config",
            "--dry-run",
            "--deregister-task-definition",
            "--no-deregister-task-definition",
            "--wait",
            "--no-wait",
            "--rollback-events",
            "--debug",
            "--envfile",
            "--ext-str",
            "--ext-code",
            "--assume-role-arn",
            "--timeout",
            "--filter-command",
            "--color",
            "--no-color");

    // ---------------------------------------------------------------------------------------------
    // A rolled-back deploy fails the job

    @Test
    void everyDeployIsCheckedToRunTheNewTaskDefinition() {
        List<String> steps = runCommands(deployJob());

        assertThat(deployedServices(steps)).containsExactly("queue-worker", "batch-worker", "shop-app");
        assertThat(unverifiedDeploys(steps)).isEmpty();
    }

    @Test
    void aDeployWithoutTheCheckIsFound() {
        List<String> steps = new ArrayList<>(runCommands(deployJob()));
        steps.removeIf(command -> command.contains("verify-deployed.sh batch-worker"));

        assertThat(unverifiedDeploys(steps)).containsExactly("batch-worker");
    }

    /** Services whose `ecspresso deploy` step is not followed by its verify step before the next deploy. */
    static List<String> unverifiedDeploys(List<String> commands) {
        List<String> unverified = new ArrayList<>();
        String pending = null;
        for (String command : commands) {
            Matcher deploy = ECSPRESSO.matcher(command);
            if (deploy.find() && deploy.group(1).equals("deploy")) {
                if (pending != null) {
                    unverified.add(pending);
                }
                pending = deploy.group(2);
            }
            Matcher verify = VERIFY.matcher(command);
            if (verify.find() && verify.group(1).equals(pending)) {
                pending = null;
            }
        }
        if (pending != null) {
            unverified.add(pending);
        }
        return unverified;
    }

    @Test
    void theCheckFailsOnARolledBackServiceAndPassesOnTheNewOne(@TempDir Path dir) throws Exception {
        assertThat(verify(dir, "abc123", "abc123", "COMPLETED", 2, 2).exit()).isZero();

        Result rolledBack = verify(dir, "abc123", "old999", "COMPLETED", 2, 2);
        assertThat(rolledBack.exit()).isNotZero();
        assertThat(rolledBack.output()).contains("rolled it back");

        Result unfinished = verify(dir, "abc123", "abc123", "IN_PROGRESS", 1, 2);
        assertThat(unfinished.exit()).isNotZero();
        assertThat(unfinished.output()).contains("IN_PROGRESS");
    }

    record Result(int exit, String output) {}

    /** Runs verify-deployed.sh against a stand-in `aws` that answers like ECS for the given service state. */
    private static Result verify(
            Path dir, String deployed, String running, String rollout, int runningCount, int desired)
            throws IOException, InterruptedException {
        Path bin = Files.createDirectories(dir.resolve("bin-" + running + "-" + rollout));
        Path aws = bin.resolve("aws");
        Files.writeString(
                aws,
                """
                #!/usr/bin/env bash
                case "$*" in
                  *describe-services*)
                    echo '{"services":[{"deployments":[{"status":"PRIMARY","taskDefinition":"arn:aws:ecs:ap-northeast-1:1:task-definition/shop-app:7","rolloutState":"%s","runningCount":%d,"desiredCount":%d}],"events":[{"createdAt":"now","message":"(service shop-app) has reached a steady state."}]}]}' ;;
                  *describe-task-definition*)
                    printf '%%s\\t%%s\\n' 1.dkr.ecr.ap-northeast-1.amazonaws.com/kurashi/shop-app:%s public.ecr.aws/aws-observability/aws-otel-collector:v0.43.0 ;;
                  *) exit 2 ;;
                esac
                """
                        .formatted(rollout, runningCount, desired, running));
        aws.toFile().setExecutable(true);
        ProcessBuilder process = new ProcessBuilder(
                        "bash",
                        Repository.file("infra/ecspresso/verify-deployed.sh").toString(),
                        "shop-app")
                .redirectErrorStream(true);
        process.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        process.environment().put("ENV", "stg");
        process.environment().put("IMAGE_TAG", deployed);
        Process started = process.start();
        String output = new String(started.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(started.waitFor(), output);
    }

    // ---------------------------------------------------------------------------------------------
    // The job's timeout covers its worst case

    @Test
    void theJobTimeoutCoversTheMigrationAndEveryDeployWait() {
        Map<String, Object> job = deployJob();
        Duration worstCase = worstCase(runCommands(job));

        assertThat(worstCase).isEqualTo(Duration.ofMinutes(30 + 3 * 15));
        assertThat(timeoutCovers(((Number) job.get("timeout-minutes")).intValue(), worstCase))
                .isTrue();
        assertThat(timeoutCovers(60, worstCase)).as("the old 60 minutes").isFalse();
    }

    /** At least the worst case plus 10 minutes for checkout, tools and the checks. */
    static boolean timeoutCovers(int timeoutMinutes, Duration worstCase) {
        return Duration.ofMinutes(timeoutMinutes).compareTo(worstCase.plusMinutes(10)) >= 0;
    }

    /** The sum of the timeouts of every `ecspresso run` and `ecspresso deploy` the job runs. */
    static Duration worstCase(List<String> commands) {
        Duration total = Duration.ZERO;
        for (String command : commands) {
            Matcher ecspresso = ECSPRESSO.matcher(command);
            while (ecspresso.find()) {
                Object timeout = Repository.yaml(
                                Repository.file("infra/ecspresso/" + ecspresso.group(2) + "/ecspresso.yml"))
                        .get("timeout");
                total = total.plus(goDuration(String.valueOf(timeout)));
            }
        }
        return total;
    }

    private static Duration goDuration(String text) {
        Matcher part = Pattern.compile("(\\d+)([hms])").matcher(text);
        Duration duration = Duration.ZERO;
        while (part.find()) {
            long n = Long.parseLong(part.group(1));
            duration = duration.plus(
                    switch (part.group(2)) {
                        case "h" -> Duration.ofHours(n);
                        case "m" -> Duration.ofMinutes(n);
                        default -> Duration.ofSeconds(n);
                    });
        }
        assertThat(duration).as("ecspresso timeout %s", text).isPositive();
        return duration;
    }

    // ---------------------------------------------------------------------------------------------
    // The rollback runbook uses flags ecspresso v2.3 has

    @Test
    void runbookRollbackCommandsUseOnlyFlagsOfEcspressoV23() throws IOException {
        List<String> commands = new ArrayList<>();
        try (Stream<Path> runbooks = Files.list(Repository.file("docs/runbooks"))) {
            for (Path runbook :
                    runbooks.filter(p -> p.toString().endsWith(".md")).toList()) {
                commands.addAll(rollbackCommands(Repository.read(runbook)));
            }
        }
        assertThat(commands).isNotEmpty();
        assertThat(commands)
                .allSatisfy(command -> assertThat(unknownFlags(command)).isEmpty());
        assertThat(unknownFlags("ecspresso rollback --config x.yml --deregister"))
                .containsExactly("--deregister");
    }

    /** `ecspresso rollback` commands, with their backslash-continued lines joined. */
    static List<String> rollbackCommands(String markdown) {
        List<String> commands = new ArrayList<>();
        Matcher command =
                Pattern.compile("ecspresso rollback[^\\n]*(?:\\\\\\n[^\\n]*)*").matcher(markdown);
        while (command.find()) {
            commands.add(command.group().replace("\\\n", " "));
        }
        return commands;
    }

    static List<String> unknownFlags(String command) {
        return Pattern.compile("(?<=\\s)--[a-z-]+")
                .matcher(command)
                .results()
                .map(java.util.regex.MatchResult::group)
                .filter(flag -> !ROLLBACK_FLAGS_V2_3.contains(flag))
                .toList();
    }

    // ---------------------------------------------------------------------------------------------

    @SuppressWarnings("unchecked")
    private static Map<String, Object> deployJob() {
        Map<String, Object> jobs =
                (Map<String, Object>) Repository.yaml(WORKFLOW).get("jobs");
        return (Map<String, Object>) jobs.get("deploy");
    }

    @SuppressWarnings("unchecked")
    private static List<String> runCommands(Map<String, Object> job) {
        return ((List<Map<String, Object>>) job.get("steps"))
                .stream()
                        .map(step -> String.valueOf(step.getOrDefault("run", "")))
                        .toList();
    }

    private static List<String> deployedServices(List<String> commands) {
        return commands.stream()
                .map(ECSPRESSO::matcher)
                .filter(Matcher::find)
                .filter(m -> m.group(1).equals("deploy"))
                .map(m -> m.group(2))
                .toList();
    }
}
