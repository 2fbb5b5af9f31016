package dev.kurashi.infra.terraform;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * AWS's common rule set blocks request bodies over 8 KB (its rule SizeRestrictions_BODY). The staff API takes
 * larger bodies (product descriptions, article HTML), so a web ACL with that rule set overrides the rule to
 * count, and blocks with a rule on its label everywhere else, so large bodies stay refused outside the API.
 */
final class WafBodySizeRule implements PolicyRule {

    static final String RULE_SET = "AWSManagedRulesCommonRuleSet";
    static final String SIZE_RULE = "SizeRestrictions_BODY";
    static final String SIZE_LABEL = "awswaf:managed:aws:core-rule-set:SizeRestrictions_Body";

    @Override
    public String description() {
        return "The WAF common rule set's 8 KB body limit does not block the API";
    }

    @Override
    public Findings check(TerraformTree tree) {
        List<String> violations = new ArrayList<>();
        int checked = 0;
        for (TerraformTree.Block acl : tree.resources("aws_wafv2_web_acl").toList()) {
            if (!Modules.text(tree, acl.dir()).contains(RULE_SET)) {
                continue;
            }
            checked++;
            boolean counted = Modules.deepBlocks(acl.body(), "rule_action_override").stream()
                    .filter(override -> SIZE_RULE.equals(override.get("name")))
                    .anyMatch(override -> Hcl.block(override, "action_to_use")
                            .map(action -> action.containsKey("count") || action.containsKey("allow"))
                            .orElse(false));
            if (!counted) {
                violations.add(acl.where() + ": " + RULE_SET + " blocks bodies over 8 KB on every path, the API "
                        + "included; override " + SIZE_RULE + " to count");
                continue;
            }
            boolean blockedOutsideApi = Modules.deepBlocks(acl.body(), "label_match_statement").stream()
                    .map(Map::values)
                    .anyMatch(values -> values.stream().anyMatch(v -> SIZE_LABEL.equals(String.valueOf(v))));
            if (!blockedOutsideApi) {
                violations.add(acl.where() + ": " + SIZE_RULE + " is counted, but no rule matches its label "
                        + SIZE_LABEL + " to block large bodies outside the API");
            }
        }
        return new Findings(checked, violations);
    }
}
