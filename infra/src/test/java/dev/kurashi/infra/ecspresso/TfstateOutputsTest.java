package dev.kurashi.infra.ecspresso;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kurashi.infra.Repository;
import dev.kurashi.infra.terraform.TerraformTree;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every {@code tfstate} lookup in infra/ecspresso resolves: the environment stack whose state ecspresso reads
 * (infra/terraform/envs/workload, applied to stg and prod alike) declares an {@code output} of that name. terraform validate cannot run here,
 * so a renamed or nested output would otherwise surface only in the first deploy.
 */
class TfstateOutputsTest {

    @Test
    void everyLookupNamesAnOutputOfTheWorkloadRoot() {
        Set<String> used = TfstateLookups.used(Repository.ecspresso());
        Set<String> declared = TfstateLookups.declaredOutputs(
                TerraformTree.load(Repository.terraform().resolve("envs/workload")));

        assertThat(used).as("tfstate lookups found in infra/ecspresso").isNotEmpty();
        assertThat(declared).as("outputs of envs/workload").isNotEmpty();
        assertThat(TfstateLookups.missing(used, declared))
                .as("looked up by ecspresso but not an output of envs/workload")
                .isEmpty();
    }

    @Test
    void aLookupOfAMissingOrNestedOutputFails() {
        TerraformTree stack = TerraformTree.of(
                Map.of(
                        "outputs.tf",
                        """
                output "private_subnet_ids" {
                  description = "Subnets."
                  value       = module.workload.private_subnet_ids
                }
                output "services" {
                  description = "Nested: ecspresso cannot index a map inside a JSON string."
                  value       = module.workload.services
                }
                """));
        Set<String> used = TfstateLookups.used(
                """
                {"subnets": ["{{ tfstate `output.private_subnet_ids[0]` }}"],
                 "securityGroups": ["{{ tfstate `output.shop_app_security_group_id` }}"],
                 "role": "{{ tfstate "output.shop_app_task_role_arn" }}"}
                """);

        assertThat(used)
                .containsExactlyInAnyOrder(
                        "private_subnet_ids", "shop_app_security_group_id", "shop_app_task_role_arn");
        assertThat(TfstateLookups.missing(used, TfstateLookups.declaredOutputs(stack)))
                .containsExactlyInAnyOrder("shop_app_security_group_id", "shop_app_task_role_arn");
    }
}
