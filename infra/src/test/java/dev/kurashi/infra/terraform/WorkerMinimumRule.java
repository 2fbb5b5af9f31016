package dev.kurashi.infra.terraform;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * The workers stay redundant where Terraform decides it: queue-worker's autoscaling tracks SQS depth with a
 * minimum of 2 tasks, and batch-worker (a Quartz cluster) is not autoscaled, so its count is the 2 of ecspresso's
 * service definition ({@code ServiceDefinitionRule} checks the desired counts). Values come from the
 * ecs-service-infra module calls, or the module's defaults.
 */
final class WorkerMinimumRule implements PolicyRule {

    static final String MODULE = "ecs-service-infra";

    @Override
    public String description() {
        return "queue-worker autoscales on SQS depth with min_capacity >= 2; batch-worker is not autoscaled";
    }

    @Override
    public Findings check(TerraformTree tree) {
        List<String> violations = new ArrayList<>();
        Map<String, List<TerraformTree.Block>> callsByService = new TreeMap<>();
        tree.moduleCalls(MODULE).forEach(call -> callsByService
                .computeIfAbsent(String.valueOf(call.get("service")), s -> new ArrayList<>())
                .add(call));
        if (!callsByService.isEmpty()) {
            for (String worker : List.of("queue-worker", "batch-worker")) {
                if (!callsByService.containsKey(worker)) {
                    violations.add("no " + MODULE + " module call for " + worker);
                }
            }
        }
        int checked = 0;
        for (TerraformTree.Block call : callsByService.getOrDefault("queue-worker", List.of())) {
            checked++;
            expect(tree, call, "scaling", "sqs_backlog", violations);
            OptionalDouble minimum =
                    tree.input(call, "min_capacity").map(Hcl::number).orElse(OptionalDouble.empty());
            if (minimum.isEmpty() || minimum.getAsDouble() < 2) {
                violations.add(call.where() + ": min_capacity must be a literal >= 2, found "
                        + (minimum.isPresent() ? String.valueOf((long) minimum.getAsDouble()) : "no literal"));
            }
        }
        for (TerraformTree.Block call : callsByService.getOrDefault("batch-worker", List.of())) {
            checked++;
            expect(tree, call, "scaling", "none", violations);
        }
        return new Findings(checked, violations);
    }

    private static void expect(
            TerraformTree tree, TerraformTree.Block call, String input, String value, List<String> violations) {
        Optional<Object> actual = tree.input(call, input);
        if (!actual.map(value::equals).orElse(false)) {
            violations.add(call.where() + ": " + input + " must be " + value + ", found " + actual.orElse("nothing"));
        }
    }
}
