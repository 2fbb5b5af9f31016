package dev.kurashi.infra.terraform;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Nothing accepts traffic from the internet at large, and an internet-facing load balancer accepts it only from
 * CloudFront: ingress from the origin-facing prefix list, a listener that answers 403 by default and forwards
 * only requests carrying the origin header.
 */
final class AlbOnlyFromCloudFrontRule implements PolicyRule {

    private static final String CLOUDFRONT_PREFIX_LIST = "com.amazonaws.global.cloudfront.origin-facing";

    @Override
    public String description() {
        return "The ALB is reachable only from CloudFront, and no ingress is open to 0.0.0.0/0";
    }

    @Override
    public Findings check(TerraformTree tree) {
        List<String> violations = new ArrayList<>();
        noIngressFromAnywhere(tree, violations);
        List<TerraformTree.Block> balancers = tree.resources("aws_lb")
                .filter(lb -> !Hcl.isTrue(lb.get("internal")))
                .toList();
        for (TerraformTree.Block lb : balancers) {
            onlyCloudFrontPrefixList(tree, lb, violations);
            onlyWithOriginHeader(tree, lb, violations);
        }
        return new Findings(balancers.size(), violations);
    }

    private static void noIngressFromAnywhere(TerraformTree tree, List<String> violations) {
        tree.resources("aws_vpc_security_group_ingress_rule").forEach(rule -> {
            if (anywhere(rule.get("cidr_ipv4")) || anywhere(rule.get("cidr_ipv6"))) {
                violations.add(rule.where() + ": ingress from anywhere");
            }
        });
        tree.resources("aws_security_group_rule")
                .filter(rule -> "ingress".equals(rule.get("type")))
                .forEach(rule -> {
                    if (opensToAnywhere(rule.body())) {
                        violations.add(rule.where() + ": ingress from anywhere");
                    }
                });
        tree.resources("aws_security_group").forEach(group -> {
            for (Map<String, Object> ingress : Hcl.blocks(group.body(), "ingress")) {
                if (opensToAnywhere(ingress)) {
                    violations.add(group.where() + ": inline ingress from anywhere");
                }
            }
        });
    }

    private static boolean opensToAnywhere(Map<String, Object> rule) {
        return Hcl.list(rule.get("cidr_blocks")).stream().anyMatch(AlbOnlyFromCloudFrontRule::anywhere)
                || Hcl.list(rule.get("ipv6_cidr_blocks")).stream().anyMatch(AlbOnlyFromCloudFrontRule::anywhere);
    }

    private static boolean anywhere(Object cidr) {
        return "0.0.0.0/0".equals(cidr) || "::/0".equals(cidr);
    }

    private static void onlyCloudFrontPrefixList(TerraformTree tree, TerraformTree.Block lb, List<String> violations) {
        List<String> prefixLists = tree.inDir(lb.dir())
                .filter(b -> b.kind() == TerraformTree.Kind.DATA && b.type().equals("aws_ec2_managed_prefix_list"))
                .filter(b -> CLOUDFRONT_PREFIX_LIST.equals(b.get("name")))
                .map(b -> "data.aws_ec2_managed_prefix_list." + b.name())
                .toList();
        if (prefixLists.isEmpty()) {
            violations.add(lb.where() + ": no " + CLOUDFRONT_PREFIX_LIST + " prefix list next to the load balancer");
        }
        List<TerraformTree.Block> ingress = tree.inDir(lb.dir())
                .filter(b -> b.kind() == TerraformTree.Kind.RESOURCE)
                .filter(b -> b.type().equals("aws_vpc_security_group_ingress_rule"))
                .toList();
        if (ingress.isEmpty()) {
            violations.add(lb.where() + ": no ingress rule for the load balancer");
        }
        for (TerraformTree.Block rule : ingress) {
            boolean fromCloudFront =
                    prefixLists.stream().anyMatch(list -> Hcl.refersTo(rule.get("prefix_list_id"), list));
            if (!fromCloudFront) {
                violations.add(rule.where() + ": load balancer ingress must come from the CloudFront prefix list only");
            }
        }
    }

    private static void onlyWithOriginHeader(TerraformTree tree, TerraformTree.Block lb, List<String> violations) {
        List<TerraformTree.Block> listeners = tree.inDir(lb.dir())
                .filter(b -> b.kind() == TerraformTree.Kind.RESOURCE && b.type().equals("aws_lb_listener"))
                .toList();
        for (TerraformTree.Block listener : listeners) {
            boolean denies = Hcl.blocks(listener.body(), "default_action").stream()
                    .allMatch(action -> "fixed-response".equals(action.get("type"))
                            && Hcl.block(action, "fixed_response")
                                    .map(response -> "403".equals(response.get("status_code")))
                                    .orElse(false));
            if (!denies) {
                violations.add(listener.where() + ": the default action must be a fixed 403");
            }
        }
        boolean headerRule = tree.inDir(lb.dir())
                .filter(b -> b.kind() == TerraformTree.Kind.RESOURCE && b.type().equals("aws_lb_listener_rule"))
                .anyMatch(rule -> Hcl.blocks(rule.body(), "condition").stream()
                        .anyMatch(condition ->
                                !Hcl.blocks(condition, "http_header").isEmpty()));
        if (!headerRule) {
            violations.add(lb.where() + ": no listener rule that requires the origin header");
        }
    }
}
