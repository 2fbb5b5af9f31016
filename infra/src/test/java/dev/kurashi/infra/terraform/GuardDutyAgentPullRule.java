package dev.kurashi.infra.terraform;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * With GuardDuty's ECS Fargate agent management on, every task gets GuardDuty's agent as a sidecar, pulled with
 * the task's execution role from GuardDuty's own ECR repository ({@code aws-guardduty-agent-fargate}). An
 * execution role limited to the app repositories cannot pull it, and the tasks do not start.
 */
final class GuardDutyAgentPullRule implements PolicyRule {

    static final String AGENT_REPOSITORY = "aws-guardduty-agent-fargate";

    @Override
    public String description() {
        return "Execution roles may pull GuardDuty's Fargate agent when Runtime Monitoring manages it";
    }

    @Override
    public Findings check(TerraformTree tree) {
        boolean agentManaged = tree.resources("aws_guardduty_detector_feature")
                .flatMap(feature -> Hcl.blocks(feature.body(), "additional_configuration").stream())
                .anyMatch(config -> "ECS_FARGATE_AGENT_MANAGEMENT".equals(config.get("name"))
                        && "ENABLED".equals(config.get("status")));
        if (!agentManaged) {
            return new Findings(0, List.of());
        }
        List<String> violations = new ArrayList<>();
        int checked = 0;
        for (TerraformTree.Block document : tree.data("aws_iam_policy_document").toList()) {
            List<Map<String, Object>> statements = Hcl.blocks(document.body(), "statement");
            boolean pullsImages = statements.stream().anyMatch(s -> grants(s, "ecr:GetDownloadUrlForLayer"));
            if (!pullsImages || !Modules.text(tree, document.dir()).contains("ecs-tasks.amazonaws.com")) {
                continue;
            }
            checked++;
            boolean agent = statements.stream()
                    .filter(s -> grants(s, "ecr:GetDownloadUrlForLayer") && grants(s, "ecr:BatchGetImage"))
                    .flatMap(s -> Hcl.list(s.get("resources")).stream())
                    .anyMatch(resource -> resource != null
                            && (resource.toString().equals("*")
                                    || resource.toString().contains(AGENT_REPOSITORY)));
            if (!agent) {
                violations.add(document.where() + ": pulls images only from the app repositories; GuardDuty's "
                        + "Fargate agent (repository " + AGENT_REPOSITORY + ") cannot be pulled");
            }
        }
        return new Findings(checked, violations);
    }

    private static boolean grants(Map<String, Object> statement, String action) {
        return !"Deny".equals(statement.get("effect"))
                && Hcl.list(statement.get("actions")).stream().anyMatch(a -> action.equals(String.valueOf(a)));
    }
}
