package dev.kurashi.infra.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kurashi.infra.Repository;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The alert rules under infra/prometheus are code with tests: {@code promtool check rules} accepts them,
 * {@code promtool test rules} passes every case (each alert fires on its condition and stays quiet on a healthy
 * series), every test file's cases name alerts that exist, and every alert has a severity and a runbook section
 * that exists. promtool is Debian's {@code prometheus} package (.ci/run installs it); without it this test fails.
 */
class PrometheusRulesTest {

    private static final Path PROMETHEUS = Repository.file("infra/prometheus");

    @Test
    void promtoolAcceptsEveryRuleFile() throws Exception {
        List<String> files = ruleFiles().map(Path::toString).toList();
        assertThat(files).isNotEmpty();
        List<String> command = new ArrayList<>(List.of(promtool(), "check", "rules"));
        command.addAll(files);
        Result result = run(command, PROMETHEUS);
        assertThat(result.exit()).as(result.output()).isZero();
    }

    @Test
    void everyPromtoolTestPasses() throws Exception {
        List<String> tests =
                testFiles().map(p -> PROMETHEUS.relativize(p).toString()).toList();
        assertThat(tests).hasSizeGreaterThanOrEqualTo(2);
        List<String> command = new ArrayList<>(List.of(promtool(), "test", "rules"));
        command.addAll(tests);
        Result result = run(command, PROMETHEUS);
        assertThat(result.exit()).as(result.output()).isZero();
        assertThat(result.output()).doesNotContain("FAILED");
    }

    @Test
    void everyAlertIsTestedFiringAndQuiet() throws Exception {
        String tests = String.join("\n", testFiles().map(Repository::read).toList());
        List<String> untested = new ArrayList<>();
        for (Path rules : ruleFiles().toList()) {
            for (Map<String, Object> alert : RunbookLinks.alerts(rules)) {
                String name = "alertname: " + alert.get("alert");
                if (!tests.contains(name)) {
                    untested.add(rules.getFileName() + ": " + alert.get("alert"));
                }
            }
        }
        assertThat(untested).as("alerts without a promtool test case").isEmpty();
        // a quiet case (no alert expected) exists beside the firing ones
        assertThat(tests).contains("exp_alerts: []");
    }

    @Test
    void everyAlertHasASeverityAndARunbookSection() {
        List<String> problems = new ArrayList<>();
        int alerts = 0;
        for (Path rules : ruleFiles().toList()) {
            problems.addAll(RunbookLinks.ruleFileProblems(rules, Repository.root()));
            for (Map<String, Object> alert : RunbookLinks.alerts(rules)) {
                alerts++;
                Object labels = alert.get("labels");
                if (!(labels instanceof Map<?, ?> map)
                        || !List.of("page", "ticket").contains(map.get("severity"))) {
                    problems.add(rules.getFileName() + ": alert " + alert.get("alert") + ": severity page|ticket");
                }
            }
        }
        assertThat(alerts).isGreaterThan(10);
        assertThat(problems).isEmpty();
    }

    /** The harness can fail: a rule file whose test expects an alert that never fires makes promtool fail. */
    @Test
    void aWrongExpectationFailsPromtool(@TempDir Path dir) throws Exception {
        Files.writeString(
                dir.resolve("rules.yml"),
                """
                groups:
                  - name: broken
                    rules:
                      - alert: NeverFires
                        expr: vector(1) > 2
                        labels:
                          severity: page
                        annotations:
                          runbook_url: docs/runbooks/platform-alerts.md#app-down
                """);
        Files.writeString(
                dir.resolve("rules.test.yml"),
                """
                rule_files: [rules.yml]
                tests:
                  - interval: 1m
                    alert_rule_test:
                      - eval_time: 5m
                        alertname: NeverFires
                        exp_alerts:
                          - exp_labels:
                              severity: page
                """);
        Result result = run(List.of(promtool(), "test", "rules", "rules.test.yml"), dir);
        assertThat(result.exit()).isNotZero();
        assertThat(result.output()).contains("FAILED");
    }

    /** An alert whose runbook file or section is missing is reported. */
    @Test
    void aBrokenRunbookLinkIsReported(@TempDir Path dir) throws IOException {
        Path rules = dir.resolve("rules.yml");
        Files.writeString(
                rules,
                """
                groups:
                  - name: broken
                    rules:
                      - alert: NoFile
                        expr: vector(1)
                        annotations:
                          runbook_url: docs/runbooks/missing.md#first
                      - alert: NoSection
                        expr: vector(1)
                        annotations:
                          runbook_url: docs/runbooks/platform-alerts.md#missing-section
                      - alert: NoLink
                        expr: vector(1)
                """);
        assertThat(RunbookLinks.ruleFileProblems(rules, Repository.root()))
                .hasSize(3)
                .anySatisfy(p -> assertThat(p).contains("NoFile").contains("no file"))
                .anySatisfy(p -> assertThat(p).contains("NoSection").contains("no section"))
                .anySatisfy(p -> assertThat(p).contains("NoLink").contains("no runbook link"));
    }

    private static Stream<Path> ruleFiles() {
        return list(PROMETHEUS.resolve("rules"), ".rules.yml");
    }

    private static Stream<Path> testFiles() {
        return list(PROMETHEUS.resolve("tests"), ".test.yml");
    }

    private static Stream<Path> list(Path dir, String suffix) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList().stream();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** promtool from PATH or /usr/bin; its absence fails the build, it never skips it. */
    static String promtool() {
        String path = System.getenv().getOrDefault("PATH", "") + ":/usr/bin:/usr/local/bin";
        for (String dir : path.split(":")) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, "promtool");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        throw new AssertionError("promtool is not installed: `apt-get install prometheus` (Debian), as .ci/run does");
    }

    record Result(int exit, String output) {}

    private static Result run(List<String> command, Path dir) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("promtool did not finish in 5 minutes: " + command);
        }
        return new Result(process.exitValue(), output);
    }
}
