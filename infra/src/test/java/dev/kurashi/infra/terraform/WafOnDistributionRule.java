package dev.kurashi.infra.terraform;

import java.util.ArrayList;
import java.util.List;

/** Every CloudFront distribution has a WAF web ACL, and it cannot be left out by a caller. */
final class WafOnDistributionRule implements PolicyRule {

    @Override
    public String description() {
        return "WAF is attached to every CloudFront distribution";
    }

    @Override
    public Findings check(TerraformTree tree) {
        List<String> violations = new ArrayList<>();
        List<TerraformTree.Block> distributions =
                tree.resources("aws_cloudfront_distribution").toList();
        for (TerraformTree.Block distribution : distributions) {
            Object webAcl = distribution.get("web_acl_id");
            if (webAcl == null) {
                violations.add(distribution.where() + ": web_acl_id is not set");
                continue;
            }
            String reference = webAcl.toString();
            if (reference.startsWith("var.")) {
                String variable = reference.substring("var.".length());
                TerraformTree.Block declared =
                        tree.variables(distribution.dir()).get(variable);
                if (declared != null && declared.body().containsKey("default")) {
                    violations.add(distribution.where() + ": web_acl_id comes from variable " + variable
                            + ", which has a default; it must be required");
                }
            }
        }
        boolean cloudFrontAcl =
                tree.resources("aws_wafv2_web_acl").anyMatch(acl -> "CLOUDFRONT".equals(acl.get("scope")));
        if (!distributions.isEmpty() && !cloudFrontAcl) {
            violations.add("there are distributions but no aws_wafv2_web_acl with scope CLOUDFRONT");
        }
        return new Findings(distributions.size(), violations);
    }
}
