package dev.kurashi.infra.terraform;

import java.util.ArrayList;
import java.util.List;

/**
 * The bastion exists only while used (desired count 0) and is the only ECS service with ECS Exec. The bastion's
 * services are those in a module directory named {@code bastion}.
 */
final class BastionRule implements PolicyRule {

    @Override
    public String description() {
        return "The bastion's desired count is 0, and ECS Exec is on for the bastion only";
    }

    @Override
    public Findings check(TerraformTree tree) {
        List<String> violations = new ArrayList<>();
        List<TerraformTree.Block> services = tree.resources("aws_ecs_service").toList();
        int bastions = 0;
        for (TerraformTree.Block service : services) {
            boolean bastion = service.dir().endsWith("bastion");
            Object exec = service.get("enable_execute_command");
            if (bastion) {
                bastions++;
                if (!Hcl.number(service.get("desired_count")).equals(java.util.OptionalDouble.of(0))) {
                    violations.add(service.where() + ": the bastion's desired_count must be 0");
                }
                if (!Hcl.isTrue(exec)) {
                    violations.add(service.where() + ": the bastion is reached through ECS Exec, enable it");
                }
            } else if (!Hcl.isFalse(exec)) {
                violations.add(service.where() + ": enable_execute_command must be false (ECS Exec is bastion-only)");
            }
        }
        if (!services.isEmpty() && bastions == 0) {
            violations.add("no bastion ECS service (an aws_ecs_service in modules/bastion)");
        }
        return new Findings(services.size(), violations);
    }
}
