package dev.kurashi.infra.terraform;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * EventBridge rules on "AWS API Call via CloudTrail" (the bastion's session announcements) see events only
 * while a CloudTrail trail records the management events: every root configuration that reaches such a rule
 * also creates a multi-region trail with write management events.
 */
final class CloudTrailForApiEventsRule implements PolicyRule {

    static final String API_CALL_EVENT = "AWS API Call via CloudTrail";

    @Override
    public String description() {
        return "EventBridge rules on API calls have a CloudTrail trail recording management events";
    }

    @Override
    public Findings check(TerraformTree tree) {
        List<String> violations = new ArrayList<>();
        int checked = 0;
        for (String root : Modules.roots(tree)) {
            Set<String> dirs = Modules.reachable(tree, root);
            List<String> listeners = dirs.stream()
                    .filter(dir -> tree.inDir(dir).anyMatch(b -> b.type().equals("aws_cloudwatch_event_rule")))
                    .filter(dir -> Modules.text(tree, dir).contains(API_CALL_EVENT))
                    .toList();
            if (listeners.isEmpty()) {
                continue;
            }
            checked++;
            List<TerraformTree.Block> trails = dirs.stream()
                    .flatMap(tree::inDir)
                    .filter(b ->
                            b.kind() == TerraformTree.Kind.RESOURCE && b.type().equals("aws_cloudtrail"))
                    .toList();
            if (trails.stream().noneMatch(CloudTrailForApiEventsRule::recordsWriteManagementEvents)) {
                violations.add(root + ": " + listeners + " listen for \"" + API_CALL_EVENT + "\" events, but no "
                        + "multi-region aws_cloudtrail records write management events"
                        + (trails.isEmpty() ? " (there is no trail)" : ""));
            }
        }
        return new Findings(checked, violations);
    }

    private static boolean recordsWriteManagementEvents(TerraformTree.Block trail) {
        if (!Hcl.isTrue(trail.get("is_multi_region_trail")) || Hcl.isFalse(trail.get("enable_logging"))) {
            return false;
        }
        List<Map<String, Object>> selectors = Hcl.blocks(trail.body(), "event_selector");
        if (selectors.isEmpty()) {
            // No selector: CloudTrail's default records all management events.
            return Hcl.blocks(trail.body(), "advanced_event_selector").isEmpty();
        }
        return selectors.stream()
                .anyMatch(selector -> !Hcl.isFalse(selector.get("include_management_events"))
                        && !"ReadOnly".equals(selector.get("read_write_type")));
    }
}
