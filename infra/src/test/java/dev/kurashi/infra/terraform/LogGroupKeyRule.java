package dev.kurashi.infra.terraform;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A log group encrypted with a KMS key needs a key whose policy lets CloudWatch Logs use it: CloudWatch Logs
 * encrypts with its own service principal ({@code logs.<region>.amazonaws.com}), not with the caller's. The rule
 * follows {@code kms_key_id} through module inputs to the kms module call that made the key and reads that
 * call's {@code service_principals}.
 */
final class LogGroupKeyRule implements PolicyRule {

    @Override
    public String description() {
        return "Encrypted log groups use a KMS key whose policy allows CloudWatch Logs";
    }

    @Override
    public Findings check(TerraformTree tree) {
        List<String> violations = new ArrayList<>();
        int[] checked = {0};
        tree.resources("aws_cloudwatch_log_group")
                .filter(group -> group.get("kms_key_id") != null)
                .forEach(group -> {
                    checked[0]++;
                    follow(tree, group.dir(), group.get("kms_key_id").toString(), group.where(), violations, 0);
                });
        return new Findings(checked[0], violations);
    }

    private static void follow(
            TerraformTree tree, String dir, String reference, String where, List<String> violations, int depth) {
        if (depth > 10) {
            return;
        }
        if (reference.startsWith("var.")) {
            String input = reference.substring("var.".length());
            for (TerraformTree.Block call : Modules.callsOf(tree, dir)) {
                Optional<Object> value = tree.input(call, input);
                if (value.isEmpty()) {
                    violations.add(where + ": " + call.where() + " gives no " + input);
                } else {
                    follow(
                            tree,
                            call.dir(),
                            value.get().toString(),
                            where + " via " + call.where(),
                            violations,
                            depth + 1);
                }
            }
        } else if (reference.startsWith("module.")) {
            String name = reference.split("\\.")[1];
            tree.inDir(dir)
                    .filter(b ->
                            b.kind() == TerraformTree.Kind.MODULE && b.name().equals(name))
                    .filter(call -> TerraformTree.sourceDir(call)
                            .filter(source -> source.endsWith("modules/kms"))
                            .isPresent())
                    .forEach(key -> {
                        if (!Modules.anyStartsWith(
                                tree.input(key, "service_principals").orElse(null), "logs.")) {
                            violations.add(where + ": its key " + key.where() + " does not allow CloudWatch Logs "
                                    + "(service_principals lacks logs.<region>.amazonaws.com)");
                        }
                    });
        } else if (reference.startsWith("aws_kms_key.")) {
            violations.add(where + ": a key outside the kms module (" + reference + "); use modules/kms with "
                    + "service_principals including logs.<region>.amazonaws.com");
        }
    }
}
