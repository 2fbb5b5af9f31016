package dev.kurashi.infra.terraform;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Quarkus' own paths ({@code /q/openapi}, {@code /q/swagger-ui}, {@code /q/metrics}, {@code /q/health/*} with
 * versions and topology) are not reachable from the internet (issue 12): every HTTPS listener of an internet-facing
 * load balancer has a rule that answers {@code /q/*} itself (fixed 403 or 404), ahead of every rule that forwards.
 * The target group's health check reaches the tasks directly, so it does not need the listener.
 */
final class QuarkusPathsClosedRule implements PolicyRule {

    @Override
    public String description() {
        return "No /q/* path (OpenAPI, Swagger UI, metrics, health details) is reachable through the ALB";
    }

    @Override
    public Findings check(TerraformTree tree) {
        List<String> violations = new ArrayList<>();
        List<TerraformTree.Block> listeners = tree.resources("aws_lb_listener")
                .filter(listener -> tree.inDir(listener.dir())
                        .anyMatch(b -> b.kind() == TerraformTree.Kind.RESOURCE
                                && b.type().equals("aws_lb")
                                && !Hcl.isTrue(b.get("internal"))))
                .toList();
        for (TerraformTree.Block listener : listeners) {
            String address = "aws_lb_listener." + listener.name();
            List<TerraformTree.Block> rules = tree.inDir(listener.dir())
                    .filter(b ->
                            b.kind() == TerraformTree.Kind.RESOURCE && b.type().equals("aws_lb_listener_rule"))
                    .filter(rule -> Hcl.refersTo(rule.get("listener_arn"), address))
                    .toList();
            double closedAt = rules.stream()
                    .filter(QuarkusPathsClosedRule::answersQuarkusPaths)
                    .mapToDouble(QuarkusPathsClosedRule::priority)
                    .min()
                    .orElse(Double.NaN);
            if (Double.isNaN(closedAt)) {
                violations.add(listener.where() + ": no listener rule answers /q/* with a fixed 403 or 404");
                continue;
            }
            for (TerraformTree.Block rule : rules) {
                boolean forwards = Hcl.blocks(rule.body(), "action").stream()
                        .anyMatch(action -> "forward".equals(action.get("type")));
                if (forwards && priority(rule) <= closedAt) {
                    violations.add(rule.where() + ": forwards before the rule that closes /q/*");
                }
            }
        }
        return new Findings(listeners.size(), violations);
    }

    private static boolean answersQuarkusPaths(TerraformTree.Block rule) {
        boolean matchesQ = Hcl.blocks(rule.body(), "condition").stream()
                .flatMap(condition -> Hcl.blocks(condition, "path_pattern").stream())
                .flatMap(pattern -> Hcl.list(pattern.get("values")).stream())
                .anyMatch("/q/*"::equals);
        boolean fixedRefusal = Hcl.blocks(rule.body(), "action").stream()
                .anyMatch(action -> "fixed-response".equals(action.get("type"))
                        && Hcl.block(action, "fixed_response")
                                .map(QuarkusPathsClosedRule::refuses)
                                .orElse(false));
        return matchesQ && fixedRefusal;
    }

    private static boolean refuses(Map<String, Object> response) {
        Object status = response.get("status_code");
        return "403".equals(String.valueOf(status)) || "404".equals(String.valueOf(status));
    }

    private static double priority(TerraformTree.Block rule) {
        OptionalDouble priority = Hcl.number(rule.get("priority"));
        return priority.orElse(Double.MAX_VALUE);
    }
}
