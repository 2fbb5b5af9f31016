package dev.kurashi.infra.terraform;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * No identity policy allows an action that changes something on every resource ({@code "*"}).
 *
 * <p>Policies are read from {@code aws_iam_policy_document} statements, so every inline policy must come from
 * one. Statements with principals are resource policies (key, bucket, topic, domain policies): their
 * {@code "*"} means the resource they are attached to, so they are not identity grants. Deny statements only
 * restrict. An action is read-only when its verb starts with Get, List, Describe, BatchGet, BatchCheck or Head.
 * A few actions have no resource-level permissions at all and must name {@code "*"}; they are listed here.
 */
final class IamWildcardRule implements PolicyRule {

    private static final List<String> READ_VERBS = List.of("Get", "List", "Describe", "BatchGet", "BatchCheck", "Head");

    /** Actions AWS authorizes on "*" only (Service Authorization Reference: no resource types). */
    static final Map<String, String> WITHOUT_RESOURCE_LEVEL = Map.of(
            "ecs:RegisterTaskDefinition", "task definition families are not resources of RegisterTaskDefinition",
            "xray:PutTraceSegments", "X-Ray trace upload",
            "xray:PutTelemetryRecords", "X-Ray telemetry upload",
            "ssmmessages:CreateControlChannel", "ECS Exec channel",
            "ssmmessages:CreateDataChannel", "ECS Exec channel",
            "ssmmessages:OpenControlChannel", "ECS Exec channel",
            "ssmmessages:OpenDataChannel", "ECS Exec channel");

    private static final Set<String> INLINE_POLICY_RESOURCES =
            Set.of("aws_iam_role_policy", "aws_iam_policy", "aws_iam_user_policy", "aws_iam_group_policy");

    @Override
    public String description() {
        return "No \"*\" resource on mutating IAM actions";
    }

    @Override
    public Findings check(TerraformTree tree) {
        List<String> violations = new ArrayList<>();
        int checked = 0;
        for (TerraformTree.Block document : tree.data("aws_iam_policy_document").toList()) {
            for (Map<String, Object> statement : Hcl.blocks(document.body(), "statement")) {
                checked++;
                check(document, statement, violations);
            }
        }
        tree.blocks().stream()
                .filter(b -> INLINE_POLICY_RESOURCES.contains(b.type()))
                .filter(b -> b.get("policy") instanceof String)
                .forEach(b -> violations.add(b.where() + ": write the policy as an aws_iam_policy_document"));
        tree.resources("aws_iam_role").forEach(role -> Hcl.blocks(role.body(), "inline_policy").stream()
                .filter(inline -> inline.get("policy") instanceof String)
                .forEach(inline ->
                        violations.add(role.where() + ": write inline_policy as an aws_iam_policy_document")));
        tree.ofKind(TerraformTree.Kind.MODULE).forEach(call -> wildcardArns(call, call.body(), violations));
        return new Findings(checked, violations);
    }

    private static void check(TerraformTree.Block document, Map<String, Object> statement, List<String> violations) {
        boolean resourcePolicy = !Hcl.blocks(statement, "principals").isEmpty()
                || !Hcl.blocks(statement, "not_principals").isEmpty();
        if (resourcePolicy || "Deny".equals(statement.get("effect"))) {
            return;
        }
        String sid = String.valueOf(statement.getOrDefault("sid", "(no sid)"));
        if (statement.containsKey("not_resources") || statement.containsKey("not_actions")) {
            violations.add(
                    document.where() + " " + sid + ": not_resources/not_actions on an Allow grant everything else");
        }
        boolean everywhere = Hcl.list(statement.get("resources")).contains("*");
        if (!everywhere) {
            return;
        }
        for (Object action : Hcl.list(statement.get("actions"))) {
            String name = String.valueOf(action);
            if (mutates(name) && !WITHOUT_RESOURCE_LEVEL.containsKey(name)) {
                violations.add(document.where() + " " + sid + ": " + name + " on \"*\"");
            }
        }
    }

    static boolean mutates(String action) {
        int colon = action.indexOf(':');
        String verb = colon < 0 ? action : action.substring(colon + 1);
        return READ_VERBS.stream().noneMatch(verb::startsWith);
    }

    /** Module inputs carrying ARNs (e.g. {@code execution_secret_arns}) must not smuggle a "*" in. */
    private static void wildcardArns(TerraformTree.Block call, Map<String, Object> arguments, List<String> violations) {
        arguments.forEach((name, value) -> {
            if (value instanceof Map<?, ?> nested) {
                wildcardArns(call, Hcl.map(nested), violations);
            } else if (name.endsWith("arns") && Hcl.list(value).contains("*")) {
                violations.add(call.where() + ": " + name + " contains \"*\"");
            }
        });
    }
}
