package dev.kurashi.infra.terraform;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every local module call matches the module: it passes only declared variables and every variable without a
 * default. This is the part of {@code terraform validate} that needs no provider, which the build machines
 * cannot download.
 */
final class ModuleInterfaceRule implements PolicyRule {

    private static final Set<String> META_ARGUMENTS =
            Set.of("source", "version", "providers", "depends_on", "count", "for_each");

    @Override
    public String description() {
        return "Module calls pass exactly the modules' variables";
    }

    @Override
    public Findings check(TerraformTree tree) {
        List<String> violations = new ArrayList<>();
        int checked = 0;
        for (TerraformTree.Block call : tree.ofKind(TerraformTree.Kind.MODULE).toList()) {
            String dir = TerraformTree.sourceDir(call).orElse(null);
            if (dir == null) {
                continue;
            }
            checked++;
            Map<String, TerraformTree.Block> variables = tree.variables(dir);
            if (variables.isEmpty() && tree.inDir(dir).findAny().isEmpty()) {
                violations.add(call.where() + ": source " + dir + " holds no Terraform");
                continue;
            }
            for (String argument : call.body().keySet()) {
                if (!META_ARGUMENTS.contains(argument) && !variables.containsKey(argument)) {
                    violations.add(call.where() + ": " + dir + " has no variable " + argument);
                }
            }
            variables.forEach((name, variable) -> {
                if (!variable.body().containsKey("default") && !call.body().containsKey(name)) {
                    violations.add(call.where() + ": required variable " + name + " of " + dir + " is not passed");
                }
            });
        }
        return new Findings(checked, violations);
    }
}
