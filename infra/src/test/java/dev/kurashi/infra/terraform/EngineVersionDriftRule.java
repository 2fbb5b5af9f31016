package dev.kurashi.infra.terraform;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Aurora instances upgrade minor versions by themselves ({@code auto_minor_version_upgrade}, true unless set
 * false). A pinned {@code engine_version} then differs from the running one after every upgrade, and the next
 * apply tries to go back: the cluster's version must be ignored after creation, and instances must not pin one.
 */
final class EngineVersionDriftRule implements PolicyRule {

    @Override
    public String description() {
        return "Aurora with automatic minor upgrades pins no engine version Terraform would revert";
    }

    @Override
    public Findings check(TerraformTree tree) {
        List<String> violations = new ArrayList<>();
        int checked = 0;
        for (TerraformTree.Block instance :
                tree.resources("aws_rds_cluster_instance").toList()) {
            if (Hcl.isFalse(instance.get("auto_minor_version_upgrade"))) {
                continue;
            }
            checked++;
            if (instance.get("engine_version") != null) {
                violations.add(instance.where() + ": engine_version is set beside auto_minor_version_upgrade; "
                        + "the instance follows its cluster");
            }
            Object cluster = instance.get("cluster_identifier");
            tree.inDir(instance.dir())
                    .filter(b -> b.type().equals("aws_rds_cluster"))
                    .filter(b -> Hcl.refersTo(cluster, "aws_rds_cluster." + b.name()))
                    .filter(b -> b.get("engine_version") != null && !ignoresEngineVersion(b.body()))
                    .forEach(b -> violations.add(b.where() + ": engine_version is pinned while " + instance.where()
                            + " upgrades minor versions; add lifecycle { ignore_changes = [engine_version] }"));
        }
        return new Findings(checked, violations);
    }

    private static boolean ignoresEngineVersion(Map<String, Object> body) {
        return Hcl.blocks(body, "lifecycle").stream()
                .flatMap(lifecycle -> Hcl.list(lifecycle.get("ignore_changes")).stream())
                .anyMatch(attribute -> String.valueOf(attribute).contains("engine_version"));
    }
}
