package dev.kurashi.infra.terraform;

import dev.kurashi.infra.Repository;
import dev.kurashi.infra.monitoring.RunbookLinks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Whoever is paged can act: every CloudWatch alarm's description links a runbook section that exists, and every
 * Amazon Managed Prometheus rule group namespace loads a rule file of infra/prometheus/rules whose every alert
 * links one.
 */
final class RunbookLinkRule implements PolicyRule {

    private static final Pattern RULE_FILE = Pattern.compile("prometheus/rules/([A-Za-z0-9_.-]+\\.ya?ml)");

    private final Path root;

    RunbookLinkRule() {
        this(Repository.root());
    }

    RunbookLinkRule(Path root) {
        this.root = root;
    }

    @Override
    public String description() {
        return "Every alarm and alerting rule group links a runbook section that exists";
    }

    @Override
    public Findings check(TerraformTree tree) {
        List<String> violations = new ArrayList<>();
        List<TerraformTree.Block> alarms = Stream.concat(
                        tree.resources("aws_cloudwatch_metric_alarm"), tree.resources("aws_cloudwatch_composite_alarm"))
                .toList();
        for (TerraformTree.Block alarm : alarms) {
            RunbookLinks.problems(String.valueOf(alarm.get("alarm_description")), root)
                    .forEach(problem -> violations.add(alarm.where() + ": " + problem));
        }
        List<TerraformTree.Block> groups =
                tree.resources("aws_prometheus_rule_group_namespace").toList();
        for (TerraformTree.Block group : groups) {
            Matcher file = RULE_FILE.matcher(String.valueOf(group.get("data")) + source(group));
            if (!file.find()) {
                violations.add(group.where() + ": data is not a rule file of infra/prometheus/rules");
                continue;
            }
            Path rules = root.resolve("infra/prometheus/rules").resolve(file.group(1));
            if (!Files.isRegularFile(rules)) {
                violations.add(group.where() + ": no rule file infra/prometheus/rules/" + file.group(1));
                continue;
            }
            RunbookLinks.ruleFileProblems(rules, root)
                    .forEach(problem -> violations.add(group.where() + ": " + problem));
        }
        return new Findings(alarms.size() + groups.size(), violations);
    }

    /**
     * The block's text in its file on disk: hcl4j does not evaluate {@code file("${path.module}/...")}, so the path
     * of the rule file is read from the source. Empty for trees that exist only in memory.
     */
    private String source(TerraformTree.Block block) {
        Path file = root.resolve("infra/terraform").resolve(block.file());
        if (!Files.isRegularFile(file)) {
            return "";
        }
        String text = Repository.read(file);
        int start = text.indexOf("resource \"" + block.type() + "\" \"" + block.name() + "\"");
        if (start < 0) {
            return "";
        }
        int end = text.indexOf("\n}\n", start);
        return text.substring(start, end < 0 ? text.length() : end);
    }
}
