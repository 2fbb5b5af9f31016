package dev.kurashi.infra.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kurashi.infra.Repository;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The Terraform in infra/terraform keeps every policy (BrokenTerraformTest shows each rule can fail). */
class TerraformPolicyTest {

    private static TerraformTree tree;

    @BeforeAll
    static void parseEveryTerraformFile() {
        tree = TerraformTree.load(Repository.terraform());
    }

    static Stream<Named<PolicyRule>> rules() {
        return PolicyRule.all().stream().map(rule -> Named.of(rule.description(), rule));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void holds(PolicyRule rule) {
        rule.check(tree).assertHolds();
    }

    @Test
    void everyStackAndModuleIsParsed() {
        assertThat(tree.blocks().stream().map(TerraformTree.Block::dir).distinct())
                .contains(
                        "envs/shared",
                        "envs/workload",
                        "stacks/workload",
                        "modules/ecs-service-infra",
                        "modules/bastion");
    }
}
