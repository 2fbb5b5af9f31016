package dev.kurashi.infra.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

/** A property the Terraform must keep. A rule reports how many things it checked, so it cannot pass on nothing. */
public interface PolicyRule {

    /** What the rule guarantees, in a reviewer's words (the test's display name). */
    String description();

    Findings check(TerraformTree tree);

    /** The rules `./mvnw verify` holds the Terraform to. */
    static List<PolicyRule> all() {
        return List.of(
                new WafOnDistributionRule(),
                new AlbOnlyFromCloudFrontRule(),
                new QuarkusPathsClosedRule(),
                new EncryptionAtRestRule(),
                new PrivateBucketsRule(),
                new DeadLetterQueueRule(),
                new WorkerMinimumRule(),
                new EcspressoOwnsServicesRule(),
                new IamWildcardRule(),
                new SecretLiteralRule(),
                new ModuleInterfaceRule(),
                new VariableStyleRule(),
                new RunbookLinkRule());
    }

    record Findings(int checked, List<String> violations) {

        public Findings {
            violations = List.copyOf(violations);
        }

        /** The rule checked something (a parse that lost the Terraform checks nothing) and found no violation. */
        void assertHolds() {
            assertThat(checked)
                    .as("the rule found nothing to check: did the parse lose the Terraform?")
                    .isPositive();
            assertThat(violations).isEmpty();
        }
    }
}
