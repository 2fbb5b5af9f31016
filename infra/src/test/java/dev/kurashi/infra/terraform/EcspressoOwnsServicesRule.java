package dev.kurashi.infra.terraform;

import java.util.List;
import java.util.Set;

/**
 * docs/adr/1504-ecspresso-owns-ecs-services.md: ecspresso owns the ECS services and task definitions (infra/ecspresso), Terraform
 * everything around them. A service in both would be changed by whichever ran last. The service properties
 * (bastion desired 0, ECS Exec only on the bastion, circuit breaker, worker counts) are checked where they live,
 * in the ecspresso service definitions ({@code ServiceDefinitionRule}).
 */
final class EcspressoOwnsServicesRule implements PolicyRule {

    private static final Set<String> ECSPRESSO_OWNED = Set.of("aws_ecs_service", "aws_ecs_task_definition");

    @Override
    public String description() {
        return "No ECS service or task definition in Terraform: ecspresso owns them";
    }

    @Override
    public Findings check(TerraformTree tree) {
        List<String> violations = tree.ofKind(TerraformTree.Kind.RESOURCE)
                .filter(resource -> ECSPRESSO_OWNED.contains(resource.type()))
                .map(resource -> resource.where() + ": " + resource.type()
                        + " belongs in infra/ecspresso (docs/adr/1504-ecspresso-owns-ecs-services.md)")
                .toList();
        return new Findings((int) tree.ofKind(TerraformTree.Kind.RESOURCE).count(), violations);
    }
}
