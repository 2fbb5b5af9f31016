package dev.kurashi.infra.terraform;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A cache behaviour whose origin is reached over HTTPS with a custom origin (the ALB) forwards the viewer's
 * {@code Host}: otherwise CloudFront connects with the origin's DNS name, which the ALB certificate (the site's
 * domain) does not cover, and every request fails with 502. Host reaches the origin only through an origin
 * request policy ({@code allViewer...} or a whitelist naming Host).
 */
final class CloudFrontOriginHostRule implements PolicyRule {

    private static final Set<String> ALL_VIEWER = Set.of("allViewer", "allViewerAndWhitelistCloudFront");

    @Override
    public String description() {
        return "CloudFront forwards Host to its HTTPS custom origin on every behaviour";
    }

    @Override
    public Findings check(TerraformTree tree) {
        List<String> violations = new ArrayList<>();
        int checked = 0;
        for (TerraformTree.Block distribution :
                tree.resources("aws_cloudfront_distribution").toList()) {
            List<String> httpsOrigins = Hcl.blocks(distribution.body(), "origin").stream()
                    .filter(origin -> Hcl.block(origin, "custom_origin_config")
                            .map(config -> !"http-only".equals(config.get("origin_protocol_policy")))
                            .orElse(false))
                    .map(origin -> String.valueOf(origin.get("origin_id")))
                    .toList();
            List<Map<String, Object>> behaviours =
                    new ArrayList<>(Hcl.blocks(distribution.body(), "default_cache_behavior"));
            behaviours.addAll(Hcl.blocks(distribution.body(), "ordered_cache_behavior"));
            for (Map<String, Object> behaviour : behaviours) {
                if (!httpsOrigins.contains(String.valueOf(behaviour.get("target_origin_id")))) {
                    continue;
                }
                checked++;
                String path = Optional.ofNullable(behaviour.get("path_pattern"))
                        .map(Object::toString)
                        .orElse("default");
                Object policy = behaviour.get("origin_request_policy_id");
                if (policy == null) {
                    violations.add(distribution.where() + ": behaviour " + path
                            + " has no origin request policy, so Host is not forwarded to the HTTPS origin");
                    continue;
                }
                Optional<TerraformTree.Block> declared = tree.inDir(distribution.dir())
                        .filter(b -> b.type().equals("aws_cloudfront_origin_request_policy"))
                        .filter(b -> Hcl.refersTo(policy, "aws_cloudfront_origin_request_policy." + b.name()))
                        .findFirst();
                if (declared.isPresent() && !forwardsHost(declared.get())) {
                    violations.add(distribution.where() + ": behaviour " + path + " uses "
                            + declared.get().where() + ", which does not forward Host");
                }
            }
        }
        return new Findings(checked, violations);
    }

    private static boolean forwardsHost(TerraformTree.Block policy) {
        return Hcl.block(policy.body(), "headers_config")
                .map(headers -> {
                    Object behaviour = headers.get("header_behavior");
                    if (ALL_VIEWER.contains(String.valueOf(behaviour))) {
                        return true;
                    }
                    return "whitelist".equals(behaviour)
                            && Hcl.block(headers, "headers")
                                    .map(items -> Hcl.list(items.get("items")).stream()
                                            .anyMatch(item -> "host".equalsIgnoreCase(String.valueOf(item))))
                                    .orElse(false);
                })
                .orElse(false);
    }
}
